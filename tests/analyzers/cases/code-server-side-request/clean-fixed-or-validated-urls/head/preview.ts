import axios from "axios";

export async function preview(url: string): Promise<unknown> {
  const page = await fetch("https://api.example.com/items");
  const status = await axios.get("https://status.example.com/health");
  const other = await fetch(url);
  return [page, status, other];
}
