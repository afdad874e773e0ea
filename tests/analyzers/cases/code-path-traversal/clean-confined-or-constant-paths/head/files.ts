import * as fs from "fs";
import * as path from "path";

export function download(req: Request, res: Response, file: string): void {
  fs.readFileSync(path.join("/srv/uploads", path.basename(req.query.file as string)));
  fs.readFileSync("/srv/static/index.html");
  res.download(path.join("/srv/reports", file));
}
