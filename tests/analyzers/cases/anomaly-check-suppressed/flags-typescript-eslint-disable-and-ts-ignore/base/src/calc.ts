export function run(expr: string): number {
  return Number(expr);
}
