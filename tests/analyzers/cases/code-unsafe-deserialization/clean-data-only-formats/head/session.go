package main

import (
	"encoding/json"
	"net/http"

	"gopkg.in/yaml.v3"
)

type session struct {
	User  string
	Roles []string
}

func restore(w http.ResponseWriter, r *http.Request) {
	var s session
	if err := json.NewDecoder(r.Body).Decode(&s); err != nil {
		http.Error(w, "bad session", http.StatusBadRequest)
		return
	}
	var loose interface{}
	yaml.Unmarshal([]byte(r.FormValue("doc")), &loose)
	w.WriteHeader(http.StatusNoContent)
}
