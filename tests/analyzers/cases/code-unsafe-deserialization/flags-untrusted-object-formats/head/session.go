package main

import (
	"bytes"
	"encoding/gob"
	"net/http"
	"strings"
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

func restoreBuffered(w http.ResponseWriter, r *http.Request) {
	limited := http.MaxBytesReader(w, r.Body, 1<<20)
	var s session
	gob.NewDecoder(bytes.NewReader([]byte(r.Header.Get("X-State")))).Decode(&s)
	gob.NewDecoder(limited).Decode(&s)
	var cookie session
	gob.NewDecoder(strings.NewReader(r.FormValue("state"))).Decode(&cookie)
}
