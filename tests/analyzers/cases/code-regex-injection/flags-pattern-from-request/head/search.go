package search

import (
	"net/http"
	"regexp"
)

func Find(w http.ResponseWriter, r *http.Request) {
	pattern := r.URL.Query().Get("q")
	re := regexp.MustCompile(pattern)
	other, _ := regexp.Compile("^" + r.FormValue("prefix"))
	ok, _ := regexp.MatchString(r.FormValue("p"), "text")
	_, _, _ = re, other, ok
}
