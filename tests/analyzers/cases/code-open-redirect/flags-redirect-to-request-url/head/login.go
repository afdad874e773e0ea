package login

import "net/http"

func Done(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if r.Method == "POST" {
		http.Redirect(w, r, next, http.StatusFound)
		return
	}
	http.Redirect(w, r, r.FormValue("return_to"), http.StatusSeeOther)
	http.Redirect(w, r, "https://"+r.Header.Get("X-Host")+"/home", http.StatusFound)
}
