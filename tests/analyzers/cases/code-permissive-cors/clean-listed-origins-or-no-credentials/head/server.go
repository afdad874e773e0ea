package server

import (
	"net/http"

	"github.com/gin-contrib/cors"
)

var ginConfig = cors.Config{AllowOrigins: []string{"https://app.example.com"}, AllowCredentials: true}

var options = cors.Options{AllowedOrigins: []string{"*"}}

func withCORS(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
}
