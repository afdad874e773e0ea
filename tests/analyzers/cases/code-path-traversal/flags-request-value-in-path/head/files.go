package files

import (
	"net/http"
	"os"
	"path/filepath"
)

func download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	data, _ := os.ReadFile(filepath.Join("/srv/uploads", name))
	http.ServeFile(w, r, "/srv/reports/"+r.FormValue("report"))
	os.Remove(filepath.Join("/tmp", r.PostFormValue("tmp")))
	w.Write(data)
}
