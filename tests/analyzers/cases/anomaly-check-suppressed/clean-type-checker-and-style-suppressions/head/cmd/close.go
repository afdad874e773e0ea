package main

func get() {
	resp, _ := http.Get(url) //nolint:bodyclose
	_ = resp
}
