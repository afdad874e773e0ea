package client

import (
	"net/http"
	"net/url"
)

func Login(user, password string) (*http.Response, error) {
	return http.PostForm("http://auth.example.com/login", url.Values{"username": {user}, "password": {password}})
}

func Renew(user, password string) (*http.Response, error) {
	return http.PostForm("http://auth.example.com/renew", url.Values{"username": {user}, "password": {password}})
}

func Admin(password string) (*http.Response, error) {
	return http.PostForm("http://10.0.0.5/admin", url.Values{"password": {password}})
}
