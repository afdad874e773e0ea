package auth

import (
	"log"
	"net/http"
)

func Login(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	log.Printf("login failed for %s", user)
	log.Println("agent:", r.UserAgent())
	log.Print("from " + r.Header.Get("X-Forwarded-For"))
}
