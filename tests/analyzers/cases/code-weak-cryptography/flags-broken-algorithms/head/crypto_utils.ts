import * as crypto from "crypto";

export function protect(password: string, key: Buffer): unknown[] {
  const signature = crypto.createHash("sha1").update(password).digest("hex");
  const stream = crypto.createCipheriv("rc4", key, "");
  const iv = "0000000000000000";
  const fixed = crypto.createCipheriv("aes-128-cbc", key, iv);
  return [signature, stream, fixed];
}
