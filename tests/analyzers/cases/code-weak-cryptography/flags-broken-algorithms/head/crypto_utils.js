const crypto = require("crypto");

function protect(password, key, data) {
  const hashed = crypto.createHash("md5").update(password).digest("hex");
  const cipher = crypto.createCipheriv("des-ede3-cbc", key, crypto.randomBytes(8));
  const table = crypto.createCipheriv("aes-128-ecb", key, null);
  const fixed = crypto.createCipheriv("aes-256-cbc", key, Buffer.from("0123456789abcdef"));
  const pair = crypto.generateKeyPairSync("rsa", { modulusLength: 1024 });
  return [hashed, cipher, table, fixed, pair];
}
