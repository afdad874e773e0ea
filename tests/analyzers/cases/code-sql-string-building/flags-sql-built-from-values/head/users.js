async function find(db, knex, req, name) {
  await db.query(`SELECT * FROM users WHERE name = '${name}'`);
  await db.query("DELETE FROM users WHERE id = " + req.params.id);
  const sql = "SELECT * FROM orders WHERE user = '" + name + "'";
  await knex.raw(sql);
}
