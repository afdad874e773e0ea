const express = require("express");

class Server {
  start(port) {
    this.app = express();
    this.app.listen(port);
  }
}

module.exports = { Server };
