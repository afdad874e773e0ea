const jwt = require("jsonwebtoken");

function currentUser(token, keys) {
  const header = jwt.decode(token, { complete: true }).header;
  return jwt.verify(token, keys[header.kid], { algorithms: ["RS256"] });
}

function sign(user, key) {
  return jwt.sign({ sub: user.id }, key, { algorithm: "RS256" });
}

function check(token, key) {
  return jwt.verify(token, key, { algorithms: ["HS256"] });
}
