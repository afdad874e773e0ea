package login

import "net/http"

var allowed = map[string]bool{"/home": true, "/account": true}

func Done(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if next == "/account" {
		http.Redirect(w, r, next, http.StatusFound)
		return
	}
	http.Redirect(w, r, "/home", http.StatusFound)
}
