package client

import (
	"net/http"
	"net/url"
)

func Login(user, password string) (*http.Response, error) {
	return http.PostForm("https://auth.example.com/login", url.Values{"username": {user}, "password": {password}})
}

func LocalLogin(user, password string) (*http.Response, error) {
	return http.PostForm("http://localhost:8080/login", url.Values{"username": {user}, "password": {password}})
}
