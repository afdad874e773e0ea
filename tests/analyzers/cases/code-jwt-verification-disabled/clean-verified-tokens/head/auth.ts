import jwt from "jsonwebtoken";

export function currentUser(token: string, key: string): unknown {
  return jwt.verify(token, key, { algorithms: ["ES256"] });
}

export function peek(token: string, key: string): unknown {
  const header = jwt.decode(token, { complete: true });
  return header && jwt.verify(token, key);
}

export const decodeBase64 = (text: string) => Buffer.from(text, "base64").toString();
