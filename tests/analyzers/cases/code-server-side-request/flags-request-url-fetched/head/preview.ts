import axios from "axios";
import got from "got";

export async function preview(req: Request): Promise<unknown> {
  const url = req.query.url as string;
  const page = await fetch(url);
  const hook = await got(req.body.webhook);
  const image = await axios.get(`https://${req.params.host}/logo.png`);
  return [page, hook, image];
}
