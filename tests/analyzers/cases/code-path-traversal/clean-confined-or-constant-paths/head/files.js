const fs = require("fs");
const path = require("path");

function download(req, res, name) {
  const data = fs.readFileSync(path.join(__dirname, "uploads", path.basename(req.query.file)));
  res.sendFile(req.params.name, { root: "/srv/uploads" });
  fs.readFileSync(path.join(__dirname, "config.json"));
  fs.createReadStream(name).pipe(res);
  return data;
}
