package files

import (
	"net/http"
	"os"
	"path/filepath"
)

func download(w http.ResponseWriter, r *http.Request, name string) {
	data, _ := os.ReadFile(filepath.Join("/srv/uploads", filepath.Base(r.URL.Query().Get("name"))))
	http.ServeFile(w, r, "/srv/static/index.html")
	os.Open(filepath.Join("/srv/uploads", name))
	w.Write(data)
}
