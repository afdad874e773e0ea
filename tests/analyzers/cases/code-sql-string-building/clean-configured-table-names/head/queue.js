class Queue {
  async take(db, id) {
    await db.query(`SELECT * FROM ${this.table} WHERE id = $1`, [id]);
    await db.query("DELETE FROM " + this.table + " WHERE id = $1", [id]);
    await db.query(`SELECT count(*) FROM ${TABLE}`);
  }
}
