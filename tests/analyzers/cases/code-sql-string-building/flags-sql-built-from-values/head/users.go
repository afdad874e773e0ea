package users

import (
	"database/sql"
	"fmt"
	"net/http"
)

func find(db *sql.DB, r *http.Request, name string) {
	db.Query("SELECT * FROM users WHERE name = '" + name + "'")
	q := fmt.Sprintf("DELETE FROM users WHERE id = %s", r.URL.Query().Get("id"))
	db.Exec(q)
	db.QueryRowContext(r.Context(), fmt.Sprintf("SELECT email FROM users WHERE id = %v", name))
}
