import { execFile, execSync, spawn } from "child_process";

export function handle(branch: string): void {
  execSync("git fetch --all");
  execFile("git", ["checkout", branch]);
  spawn("git", ["log", branch]);
}
