package client

import (
	"crypto/tls"
	"net/http"
)

func newClient(insecure bool) *http.Client {
	config := &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12}
	config.InsecureSkipVerify = insecure
	transport := &http.Transport{TLSClientConfig: config, DisableKeepAlives: true}
	return &http.Client{Transport: transport}
}
