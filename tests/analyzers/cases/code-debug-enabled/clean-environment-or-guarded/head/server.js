const express = require("express");
const errorhandler = require("errorhandler");

const app = express();
if (process.env.NODE_ENV === "development") {
  app.use(errorhandler());
}
app.use((err, req, res, next) => {
  console.error(err.stack);
  res.status(500).send("Internal error");
});
