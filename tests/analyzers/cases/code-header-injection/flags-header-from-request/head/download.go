package download

import "net/http"

func Serve(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	w.Header().Set("Content-Disposition", "attachment; filename="+name)
	w.Header().Add("X-Request-Id", r.Header.Get("X-Request-Id"))
	h := w.Header()
	h.Set("X-Lang", r.FormValue("lang"))
}
