const cp = require("child_process");

function handle(name) {
  cp.exec("ls -l");
  cp.execFile("ls", [name]);
  const cmd = "git status";
  cp.execSync(cmd);
  /pattern/.exec(name);
}
