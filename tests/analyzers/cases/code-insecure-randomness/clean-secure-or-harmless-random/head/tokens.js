const crypto = require("crypto");

function createSession(items) {
  const sessionToken = crypto.randomBytes(32).toString("hex");
  const jitter = Math.random() * 100;
  const pick = items[Math.floor(Math.random() * items.length)];
  return { token: sessionToken, jitter, pick };
}
