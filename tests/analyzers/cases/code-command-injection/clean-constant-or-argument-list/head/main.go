package main

import (
	"net/http"
	"os/exec"
)

func handler(w http.ResponseWriter, r *http.Request) {
	exec.Command("sh", "-c", "ls -l").Run()
	exec.Command("ls", r.URL.Query().Get("dir")).Run()
	exec.Command("git", "log", "-n", "1").Run()
}
