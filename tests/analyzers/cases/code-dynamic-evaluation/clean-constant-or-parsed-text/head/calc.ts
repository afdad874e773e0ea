export function calculate(expression: string): number {
  const value: number = JSON.parse(expression);
  setInterval(() => tick(value), 1000);
  const same = eval("40 + 2");
  return value + same + Number(expression);
}
