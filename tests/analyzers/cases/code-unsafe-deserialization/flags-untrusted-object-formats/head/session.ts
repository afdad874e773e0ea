import * as serialize from "node-serialize";

export function load(body: string, cookie: string): unknown[] {
  const a = serialize.unserialize(body);
  const b = serialize.unserialize(`{"c":${cookie}}`);
  const c = serialize.unserialize(cookie);
  return [a, b, c];
}
