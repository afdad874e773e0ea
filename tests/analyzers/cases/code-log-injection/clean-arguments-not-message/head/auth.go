package auth

import (
	"log"
	"net/http"
	"strconv"
)

func Login(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	log.Printf("login failed for %s", strconv.Quote(user))
	log.Println("login form posted")
}
