package search

import (
	"net/http"
	"regexp"
)

var word = regexp.MustCompile(`^\w+$`)

func Find(w http.ResponseWriter, r *http.Request) {
	re := regexp.MustCompile(regexp.QuoteMeta(r.URL.Query().Get("q")))
	ok := word.MatchString(r.FormValue("name"))
	_, _ = re, ok
}
