package server

import (
	"net/http"

	"github.com/gin-contrib/cors"
)

var ginConfig = cors.Config{AllowAllOrigins: true, AllowCredentials: true}

var options = cors.Options{
	AllowedOrigins:   []string{"*"},
	AllowCredentials: true,
}

func withCORS(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}
