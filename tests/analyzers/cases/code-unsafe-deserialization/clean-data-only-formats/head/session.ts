export function load(body: string): unknown[] {
  const a = JSON.parse(body);
  const b = structuredClone(a);
  const c = new URLSearchParams(body);
  return [a, b, c];
}
