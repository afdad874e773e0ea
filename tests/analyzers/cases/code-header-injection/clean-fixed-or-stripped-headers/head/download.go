package download

import (
	"net/http"
	"net/url"
	"strconv"
)

func Serve(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	w.Header().Set("Content-Disposition", "attachment; filename="+url.PathEscape(name))
	w.Header().Set("Content-Type", "application/octet-stream")
	size, _ := strconv.Atoi(r.FormValue("size"))
	w.Header().Set("X-Size", strconv.Itoa(size))
}
