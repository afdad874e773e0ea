package main

import (
	"fmt"
	"net/http"
	"os/exec"
)

func handler(w http.ResponseWriter, r *http.Request) {
	exec.Command("sh", "-c", "ls "+r.URL.Query().Get("dir")).Run()
	name := fmt.Sprintf("tar czf %s.tgz data", r.FormValue("f"))
	exec.Command("bash", "-c", name).Run()
	exec.CommandContext(r.Context(), "/bin/sh", "-c", script(r)).Run()
}
