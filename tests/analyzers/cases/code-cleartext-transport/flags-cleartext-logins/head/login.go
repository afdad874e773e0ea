package client

import (
	"net/http"
	"net/url"
)

func Login(user, password string) (*http.Response, error) {
	return http.PostForm("http://auth.example.com/login", url.Values{"username": {user}, "password": {password}})
}
