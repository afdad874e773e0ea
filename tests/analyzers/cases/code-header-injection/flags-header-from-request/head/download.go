package download

import "net/http"

func Serve(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	w.Header().Set("Content-Disposition", "attachment; filename="+name)
	w.Header().Add("Link", "<"+r.Header.Get("X-Next")+">; rel=next")
	h := w.Header()
	h.Set("Refresh", "0; url="+r.FormValue("lang"))
	h.Set("X-Lang", r.FormValue("lang")) // net/http turns CR and LF into spaces: nothing to split
}
