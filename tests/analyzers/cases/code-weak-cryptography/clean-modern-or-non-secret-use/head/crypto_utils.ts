import * as crypto from "crypto";

export function protect(password: string, key: Buffer, file: Buffer): unknown[] {
  const checksum = crypto.createHash("sha1").update(file).digest("hex");
  const signature = crypto.createHash("sha512").update(password).digest("hex");
  const iv = crypto.randomBytes(16);
  const sealed = crypto.createCipheriv("aes-256-cbc", key, iv);
  return [checksum, signature, sealed];
}
