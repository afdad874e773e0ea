package main

import "os"

func token() string {
	authToken := os.Getenv("AUTH_TOKEN")
	return authToken
}
