package directory

import (
	"fmt"
	"net/http"

	"github.com/go-ldap/ldap/v3"
)

var conn *ldap.Conn

func Lookup(w http.ResponseWriter, r *http.Request) {
	user := r.URL.Query().Get("user")
	filter := fmt.Sprintf("(&(objectClass=person)(uid=%s))", ldap.EscapeFilter(user))
	request := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, filter, []string{"cn"}, nil)
	conn.Search(request)
}
