package preview

import (
	"net/http"
)

func handler(w http.ResponseWriter, r *http.Request) {
	resp, _ := http.Get(r.URL.Query().Get("url"))
	req, _ := http.NewRequest("GET", r.FormValue("target"), nil)
	client := &http.Client{}
	other, _ := client.Get("https://" + r.Header.Get("X-Upstream") + "/health")
	_, _, _ = resp, req, other
}
