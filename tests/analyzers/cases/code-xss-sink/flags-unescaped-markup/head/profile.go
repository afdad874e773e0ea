package profile

import (
	"fmt"
	"html/template"
	"io"
	"net/http"
)

func Show(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	fmt.Fprintf(w, "<h1>Hello %s</h1>", name)
	io.WriteString(w, "<p>"+r.FormValue("bio")+"</p>")
	bio := template.HTML(r.FormValue("about"))
	w.Write([]byte("<div>" + string(bio) + "</div>"))
}
