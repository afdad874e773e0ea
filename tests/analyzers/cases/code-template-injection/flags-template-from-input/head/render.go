package render

import (
	htmltemplate "html/template"
	"net/http"
	"text/template"
)

func Preview(w http.ResponseWriter, r *http.Request) {
	body := r.FormValue("template")
	t, _ := template.New("preview").Parse(body)
	h, _ := htmltemplate.New("page").Parse("<p>" + r.FormValue("page") + "</p>")
	tpl := template.New("x")
	tpl.Parse(r.URL.Query().Get("t"))
	_, _ = t, h
}
