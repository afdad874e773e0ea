const fs = require("fs");
const path = require("path");

function download(req, res) {
  const data = fs.readFileSync(path.join(__dirname, "uploads", req.query.file));
  fs.createReadStream("/srv/uploads/" + req.params.name).pipe(res);
  res.sendFile(path.resolve("uploads", req.body.path));
  return data;
}
