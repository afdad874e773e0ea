const cp = require("child_process");
const { exec, spawn } = require("child_process");

function handle(req, res, name) {
  cp.exec(`ls ${name}`);
  exec("ping -c 1 " + req.query.host);
  spawn(name, { shell: true });
  const cmd = "git log " + name;
  cp.execSync(cmd);
}
