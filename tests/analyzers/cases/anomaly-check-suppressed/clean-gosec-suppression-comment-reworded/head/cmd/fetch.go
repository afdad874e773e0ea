package main

import "net/http"

func fetch(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req) //nolint:gosec // the only SSRF here would be self-sabotage
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
