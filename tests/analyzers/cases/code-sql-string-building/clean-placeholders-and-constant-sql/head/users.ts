export async function find(pool: Pool, map: Map<string, string>, name: string): Promise<void> {
  await pool.query("SELECT * FROM users WHERE name = ?", [name]);
  await pool.query("DELETE FROM sessions WHERE expired");
  map.get(`key-${name}`);
}
