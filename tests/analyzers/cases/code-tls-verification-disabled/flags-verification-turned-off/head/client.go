package client

import (
	"crypto/tls"
	"net/http"
)

func newClient() *http.Client {
	config := &tls.Config{InsecureSkipVerify: true}
	transport := &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true}}
	config.InsecureSkipVerify = true
	return &http.Client{Transport: transport}
}
