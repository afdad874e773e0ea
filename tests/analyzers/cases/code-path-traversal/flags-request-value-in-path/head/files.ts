import { promises as fsp } from "fs";
import * as fs from "fs";
import * as path from "path";

export async function download(req: Request, res: Response): Promise<void> {
  const file = req.query.file as string;
  await fsp.readFile(path.join("/srv/uploads", file));
  fs.unlinkSync(`/tmp/${req.params.id}`);
  res.download(`/srv/reports/${req.query.report}`);
}
