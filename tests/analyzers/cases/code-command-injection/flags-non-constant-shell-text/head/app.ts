import { exec, execSync } from "child_process";

export function handle(req: Request, branch: string): void {
  execSync(`git checkout ${branch}`);
  exec("dig " + req.body.domain);
  const command: string = process.argv[2];
  exec(command);
}
