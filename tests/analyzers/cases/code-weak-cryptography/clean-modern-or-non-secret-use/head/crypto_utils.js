const crypto = require("crypto");

function protect(password, key, body) {
  const etag = crypto.createHash("md5").update(body).digest("hex");
  const hashed = crypto.createHash("sha256").update(password).digest("hex");
  const cipher = crypto.createCipheriv("aes-256-gcm", key, crypto.randomBytes(12));
  const pair = crypto.generateKeyPairSync("rsa", { modulusLength: 4096 });
  return [etag, hashed, cipher, pair];
}
