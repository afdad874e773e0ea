package render

import (
	"html/template"
	"net/http"
)

var page = template.Must(template.New("page").Parse("<p>{{.Name}}</p>"))

func Preview(w http.ResponseWriter, r *http.Request) {
	page.Execute(w, map[string]string{"Name": r.FormValue("name")})
}
