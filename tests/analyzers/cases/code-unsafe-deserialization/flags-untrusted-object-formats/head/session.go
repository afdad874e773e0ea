package main

import (
	"encoding/gob"
	"net/http"
)

type session struct {
	User  string
	Roles []string
}

func restore(w http.ResponseWriter, r *http.Request) {
	var s session
	if err := gob.NewDecoder(r.Body).Decode(&s); err != nil {
		http.Error(w, "bad session", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
