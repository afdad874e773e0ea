async function find(db, cache, name) {
  await db.query("SELECT * FROM users WHERE name = $1", [name]);
  await db.query("SELECT count(*) FROM users");
  await cache.get(`user:${name}`);
  await db.query(name);
}
