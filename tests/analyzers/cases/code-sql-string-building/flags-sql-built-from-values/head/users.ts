export async function find(prisma: Prisma, pool: Pool, name: string): Promise<void> {
  await prisma.$queryRawUnsafe(`SELECT * FROM users WHERE name = '${name}'`);
  await pool.query("UPDATE users SET active = 1 WHERE name = '" + name + "'");
  const statement = `DELETE FROM sessions WHERE token = '${name}'`;
  await pool.execute(statement);
}
