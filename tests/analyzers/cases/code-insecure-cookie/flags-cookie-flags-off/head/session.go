package session

import "net/http"

func Remember(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "remember", Value: "1"})
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: "x", HttpOnly: true, Secure: false})
	cookie := http.Cookie{Name: "lang", Value: "en", Secure: true}
	http.SetCookie(w, &cookie)
}
