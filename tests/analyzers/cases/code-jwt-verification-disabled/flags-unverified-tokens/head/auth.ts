import jwt from "jsonwebtoken";

export function currentUser(token: string): string {
  const claims = jwt.decode(token) as { sub: string };
  return claims.sub;
}

export const roles = (token: string) => jwt.decode(token);

export function check(token: string, key: string): unknown {
  return jwt.verify(token, key, { algorithms: ["NONE"] });
}
