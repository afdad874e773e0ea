const host = 'db.internal';
const dbPassword = 'N0t-A-Pl4ceholder!';
module.exports = { host, dbPassword };
