package users

import "database/sql"

func find(db *sql.DB, name string, query string) {
	db.Query("SELECT * FROM users WHERE name = ?", name)
	db.Exec("DELETE FROM sessions WHERE expired = 1")
	db.Query(query, name)
}
