const express = require("express");
const errorhandler = require("errorhandler");

const app = express();
app.use(errorhandler());
app.use((err, req, res, next) => {
  res.status(500).send(err.stack);
});
app.use((err, req, res, next) => res.json({ message: err.message, stack: err.stack }));
