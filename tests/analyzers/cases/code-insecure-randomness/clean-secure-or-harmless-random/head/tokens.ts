export function createSession(colors: string[]): string {
  const token: string = crypto.randomUUID();
  const color = colors[Math.floor(Math.random() * colors.length)];
  const delayMs = Math.random() * 1000;
  return token + color + delayMs;
}
