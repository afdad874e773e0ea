export function createSession(user: { apiKey?: string }): string {
  const token: string = Math.random().toString(36);
  user.apiKey = `${Math.random()}`;
  const salt = Math.floor(Math.random() * 100000).toString();
  return token + salt;
}
