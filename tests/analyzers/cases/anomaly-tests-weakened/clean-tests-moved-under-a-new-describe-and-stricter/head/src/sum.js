export function sum(a, b) {
  return Number(a) + Number(b);
}
