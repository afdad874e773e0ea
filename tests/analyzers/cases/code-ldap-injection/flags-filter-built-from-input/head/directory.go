package directory

import (
	"fmt"
	"net/http"

	"github.com/go-ldap/ldap/v3"
)

var conn *ldap.Conn

func Lookup(w http.ResponseWriter, r *http.Request) {
	user := r.URL.Query().Get("user")
	filter := fmt.Sprintf("(&(objectClass=person)(uid=%s))", user)
	request := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, filter, []string{"cn"}, nil)
	conn.Search(request)
}

func Groups(w http.ResponseWriter, r *http.Request) {
	group := r.FormValue("group")
	request := ldap.NewSearchRequest("ou=groups,dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, "(cn="+group+")", []string{"member"}, nil)
	conn.Search(request)
}

func Mail(w http.ResponseWriter, r *http.Request) {
	mail := r.Header.Get("X-Mail")
	request := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, fmt.Sprintf("(mail=%s)", mail), []string{"uid"}, nil)
	conn.Search(request)
}
