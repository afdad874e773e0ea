package profile

import (
	"fmt"
	"html"
	"html/template"
	"net/http"
	"strconv"
)

var page = template.Must(template.New("p").Parse("<h1>Hello {{.}}</h1>"))

func Show(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	page.Execute(w, name)
	fmt.Fprintf(w, "<p>%s</p>", html.EscapeString(r.FormValue("bio")))
	age, _ := strconv.Atoi(r.FormValue("age"))
	fmt.Fprintf(w, "<p>%d</p>", age)
	w.Write([]byte("<p>static</p>"))
}
