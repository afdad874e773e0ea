const axios = require("axios");

async function preview(req, res, url) {
  const page = await fetch("https://api.example.com/items?q=" + encodeURIComponent(req.query.q));
  const status = await axios.get("https://status.example.com/health");
  const other = await axios.get(url);
  res.json({ page, status, other });
}
