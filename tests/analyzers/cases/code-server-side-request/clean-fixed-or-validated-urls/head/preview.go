package preview

import (
	"net/http"
)

func handler(w http.ResponseWriter, r *http.Request, target string) {
	resp, _ := http.Get("https://status.example.com/health")
	req, _ := http.NewRequest("GET", target, nil)
	value := cache.Get(r.URL.Query().Get("key"))
	_, _, _ = resp, req, value
}
