"""Third round of Go scenarios of the AI-style suite, written blind (before reading the models or any
earlier miss list): "a Gin handler / net/http handler that ...". Same format as `round2_go.py`:
(category, scenario, vulnerable, safe); braces are literal, and the markers `__V__`, `__F__`, `__R__`,
`__T__` become `{V}`, `{F}`, `{R}`, `{T}`."""

from __future__ import annotations


def _go(text: str) -> str:
    for token in "VFRT":
        text = text.replace(f"__{token}__", "{" + token + "}")
    return text


def nethttp(imports: str, body: str, extra: str = "") -> str:
    listed = "".join(f'\t"{name}"\n' for name in ["net/http", *imports.split()])
    return (
        "package main\n\nimport (\n" + listed + ")\n" + extra
        + "\nfunc __F__Handler(w http.ResponseWriter, r *http.Request) {\n" + body + "}\n"
    )  # fmt: skip


def gin(imports: str, body: str, extra: str = "") -> str:
    listed = "".join(f'\t"{name}"\n' for name in [*imports.split(), "github.com/gin-gonic/gin"])
    return (
        "package main\n\nimport (\n" + listed + ")\n" + extra
        + "\nfunc __F__Handler(c *gin.Context) {\n" + body + "}\n"
    )  # fmt: skip


_RAW: list[tuple[str, str, str, str]] = [
    (
        "sql",
        "r3-gin-exec-concat",
        gin(
            "database/sql net/http",
            """\t__V__ := c.Query("status")
\trows, err := db.Query("SELECT id, total FROM __T__ WHERE status = '" + __V__ + "'")
\tif err != nil {
\t\tc.JSON(http.StatusInternalServerError, gin.H{"error": "query failed"})
\t\treturn
\t}
\tdefer rows.Close()
\tc.JSON(http.StatusOK, gin.H{"ok": true})
""",
            "\nvar db *sql.DB\n",
        ),
        gin(
            "database/sql net/http",
            """\t__V__ := c.Query("status")
\trows, err := db.Query("SELECT id, total FROM __T__ WHERE status = $1", __V__)
\tif err != nil {
\t\tc.JSON(http.StatusInternalServerError, gin.H{"error": "query failed"})
\t\treturn
\t}
\tdefer rows.Close()
\tc.JSON(http.StatusOK, gin.H{"ok": true})
""",
            "\nvar db *sql.DB\n",
        ),
    ),
    (
        "sql",
        "r3-sprintf-queryrow",
        nethttp(
            "database/sql fmt",
            """\t__V__ := r.URL.Query().Get("email")
\tvar id int
\tquery := fmt.Sprintf("SELECT id FROM __T__ WHERE email = '%s'", __V__)
\tif err := db.QueryRow(query).Scan(&id); err != nil {
\t\thttp.Error(w, "not found", http.StatusNotFound)
\t\treturn
\t}
\tfmt.Fprintf(w, "%d", id)
""",
            "\nvar db *sql.DB\n",
        ),
        nethttp(
            "database/sql fmt",
            """\t__V__ := r.URL.Query().Get("email")
\tvar id int
\tif err := db.QueryRow("SELECT id FROM __T__ WHERE email = ?", __V__).Scan(&id); err != nil {
\t\thttp.Error(w, "not found", http.StatusNotFound)
\t\treturn
\t}
\tfmt.Fprintf(w, "%d", id)
""",
            "\nvar db *sql.DB\n",
        ),
    ),
    (
        "command",
        "r3-exec-sh-c",
        nethttp(
            "os/exec",
            """\t__V__ := r.URL.Query().Get("host")
\tout, err := exec.Command("sh", "-c", "nslookup "+__V__).CombinedOutput()
\tif err != nil {
\t\thttp.Error(w, "lookup failed", http.StatusInternalServerError)
\t\treturn
\t}
\tw.Write(out)
""",
        ),
        nethttp(
            "os/exec regexp",
            """\t__V__ := r.URL.Query().Get("host")
\tif !hostPattern.MatchString(__V__) {
\t\thttp.Error(w, "invalid host", http.StatusBadRequest)
\t\treturn
\t}
\tout, err := exec.Command("nslookup", "--", __V__).CombinedOutput()
\tif err != nil {
\t\thttp.Error(w, "lookup failed", http.StatusInternalServerError)
\t\treturn
\t}
\tw.Write(out)
""",
            "\nvar hostPattern = regexp.MustCompile(`^[a-zA-Z0-9.-]{1,253}$`)\n",
        ),
    ),
    (
        "command",
        "r3-gin-exec-git",
        gin(
            "net/http os/exec",
            """\t__V__ := c.PostForm("branch")
\tcmd := exec.Command("bash", "-c", "git checkout "+__V__+" && make build")
\tif err := cmd.Run(); err != nil {
\t\tc.String(http.StatusInternalServerError, "build failed")
\t\treturn
\t}
\tc.String(http.StatusOK, "built")
""",
        ),
        gin(
            "net/http os/exec",
            """\t__V__ := c.PostForm("branch")
\tif err := exec.Command("git", "checkout", "--", __V__).Run(); err != nil {
\t\tc.String(http.StatusBadRequest, "checkout failed")
\t\treturn
\t}
\tif err := exec.Command("make", "build").Run(); err != nil {
\t\tc.String(http.StatusInternalServerError, "build failed")
\t\treturn
\t}
\tc.String(http.StatusOK, "built")
""",
        ),
    ),
    (
        "path",
        "r3-gin-file-param",
        gin(
            "path/filepath",
            """\t__V__ := c.Param("name")
\tc.File(filepath.Join("./uploads", __V__))
""",
        ),
        gin(
            "net/http path/filepath strings",
            """\t__V__ := filepath.Base(c.Param("name"))
\tif __V__ == "." || strings.HasPrefix(__V__, ".") {
\t\tc.Status(http.StatusBadRequest)
\t\treturn
\t}
\tc.File(filepath.Join("./uploads", __V__))
""",
        ),
    ),
    (
        "path",
        "r3-os-readfile-join",
        nethttp(
            "os path/filepath",
            """\t__V__ := r.URL.Query().Get("file")
\tdata, err := os.ReadFile(filepath.Join("/srv/docs", __V__))
\tif err != nil {
\t\thttp.NotFound(w, r)
\t\treturn
\t}
\tw.Write(data)
""",
        ),
        nethttp(
            "os path/filepath strings",
            """\t__V__ := r.URL.Query().Get("file")
\tbase := "/srv/docs"
\ttarget := filepath.Join(base, filepath.Clean("/"+__V__))
\tif !strings.HasPrefix(target, base+string(filepath.Separator)) {
\t\thttp.Error(w, "bad path", http.StatusBadRequest)
\t\treturn
\t}
\tdata, err := os.ReadFile(target)
\tif err != nil {
\t\thttp.NotFound(w, r)
\t\treturn
\t}
\tw.Write(data)
""",
        ),
    ),
    (
        "xss",
        "r3-fprintf-html",
        nethttp(
            "fmt",
            """\t__V__ := r.URL.Query().Get("name")
\tw.Header().Set("Content-Type", "text/html")
\tfmt.Fprintf(w, "<h1>Hello, %s!</h1>", __V__)
""",
        ),
        nethttp(
            "fmt html",
            """\t__V__ := r.URL.Query().Get("name")
\tw.Header().Set("Content-Type", "text/html")
\tfmt.Fprintf(w, "<h1>Hello, %s!</h1>", html.EscapeString(__V__))
""",
        ),
    ),
    (
        "xss",
        "r3-text-template-page",
        nethttp(
            "text/template",
            """\t__V__ := r.URL.Query().Get("q")
\tpage.Execute(w, map[string]string{"Query": __V__})
""",
            '\nvar page = template.Must(template.New("p").Parse(`<p>Results for {{.Query}}</p>`))\n',
        ),
        nethttp(
            "html/template",
            """\t__V__ := r.URL.Query().Get("q")
\tpage.Execute(w, map[string]string{"Query": __V__})
""",
            '\nvar page = template.Must(template.New("p").Parse(`<p>Results for {{.Query}}</p>`))\n',
        ),
    ),
    (
        "redirect",
        "r3-http-redirect-next",
        nethttp(
            "",
            """\t__V__ := r.URL.Query().Get("next")
\thttp.Redirect(w, r, __V__, http.StatusFound)
""",
        ),
        nethttp(
            "net/url strings",
            """\t__V__ := r.URL.Query().Get("next")
\tu, err := url.Parse(__V__)
\tif err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(__V__, "//") {
\t\t__V__ = "/"
\t}
\thttp.Redirect(w, r, __V__, http.StatusFound)
""",
        ),
    ),
    (
        "ssrf",
        "r3-http-get-url-param",
        nethttp(
            "io",
            """\t__V__ := r.URL.Query().Get("url")
\tresp, err := http.Get(__V__)
\tif err != nil {
\t\thttp.Error(w, "fetch failed", http.StatusBadGateway)
\t\treturn
\t}
\tdefer resp.Body.Close()
\tio.Copy(w, resp.Body)
""",
        ),
        nethttp(
            "io net/url",
            """\t__V__ := r.URL.Query().Get("url")
\tu, err := url.Parse(__V__)
\tif err != nil || u.Scheme != "https" || !allowedHosts[u.Hostname()] {
\t\thttp.Error(w, "host not allowed", http.StatusBadRequest)
\t\treturn
\t}
\tresp, err := http.Get(u.String())
\tif err != nil {
\t\thttp.Error(w, "fetch failed", http.StatusBadGateway)
\t\treturn
\t}
\tdefer resp.Body.Close()
\tio.Copy(w, resp.Body)
""",
            '\nvar allowedHosts = map[string]bool{"api.example.com": true}\n',
        ),
    ),
    (
        "weak-random",
        "r3-math-rand-session",
        """package main

import (
\t"math/rand"
\t"time"
)

const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func new__F__SessionID() string {
\trand.Seed(time.Now().UnixNano())
\t__V__ := make([]byte, 32)
\tfor i := range __V__ {
\t\t__V__[i] = letters[rand.Intn(len(letters))]
\t}
\treturn string(__V__)
}
""",
        """package main

import (
\t"crypto/rand"
\t"encoding/hex"
)

func new__F__SessionID() string {
\t__V__ := make([]byte, 32)
\tif _, err := rand.Read(__V__); err != nil {
\t\tpanic(err)
\t}
\treturn hex.EncodeToString(__V__)
}
""",
    ),
    (
        "weak-hash",
        "r3-sha1-password",
        """package main

import (
\t"crypto/sha1"
\t"encoding/hex"
)

func hash__F__Password(__V__ string) string {
\tsum := sha1.Sum([]byte(__V__))
\treturn hex.EncodeToString(sum[:])
}
""",
        """package main

import (
\t"golang.org/x/crypto/bcrypt"
)

func hash__F__Password(__V__ string) (string, error) {
\thash, err := bcrypt.GenerateFromPassword([]byte(__V__), bcrypt.DefaultCost)
\treturn string(hash), err
}
""",
    ),
    (
        "cookie",
        "r3-setcookie-session",
        nethttp(
            "crypto/rand encoding/hex",
            """\tbuf := make([]byte, 32)
\trand.Read(buf)
\t__V__ := hex.EncodeToString(buf)
\thttp.SetCookie(w, &http.Cookie{Name: "session", Value: __V__, Path: "/"})
\tw.WriteHeader(http.StatusNoContent)
""",
        ),
        nethttp(
            "crypto/rand encoding/hex",
            """\tbuf := make([]byte, 32)
\trand.Read(buf)
\t__V__ := hex.EncodeToString(buf)
\thttp.SetCookie(w, &http.Cookie{Name: "session", Value: __V__, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode})
\tw.WriteHeader(http.StatusNoContent)
""",
        ),
    ),
    (
        "log",
        "r3-log-printf-user",
        nethttp(
            "log",
            """\t__V__ := r.FormValue("username")
\tlog.Printf("failed login for user %s", __V__)
\thttp.Error(w, "invalid credentials", http.StatusUnauthorized)
""",
        ),
        nethttp(
            "log",
            """\t__V__ := r.FormValue("username")
\tlog.Printf("failed login for user %q", __V__)
\thttp.Error(w, "invalid credentials", http.StatusUnauthorized)
""",
        ),
    ),
    (
        "error-disclosure",
        "r3-http-error-err",
        nethttp(
            "encoding/json",
            """\tvar __V__ map[string]any
\tif err := json.NewDecoder(r.Body).Decode(&__V__); err != nil {
\t\thttp.Error(w, err.Error(), http.StatusBadRequest)
\t\treturn
\t}
\tif err := save(__V__); err != nil {
\t\thttp.Error(w, "database error: "+err.Error(), http.StatusInternalServerError)
\t\treturn
\t}
""",
            "\nfunc save(v map[string]any) error { return nil }\n",
        ),
        nethttp(
            "encoding/json log",
            """\tvar __V__ map[string]any
\tif err := json.NewDecoder(r.Body).Decode(&__V__); err != nil {
\t\thttp.Error(w, "invalid JSON", http.StatusBadRequest)
\t\treturn
\t}
\tif err := save(__V__); err != nil {
\t\tlog.Printf("save failed: %v", err)
\t\thttp.Error(w, "internal error", http.StatusInternalServerError)
\t\treturn
\t}
""",
            "\nfunc save(v map[string]any) error { return nil }\n",
        ),
    ),
    (
        "file-mode",
        "r3-writefile-0777",
        """package main

import "os"

func write__F__Config(__V__ []byte) error {
\treturn os.WriteFile("/etc/app/secrets.json", __V__, 0777)
}
""",
        """package main

import "os"

func write__F__Config(__V__ []byte) error {
\treturn os.WriteFile("/etc/app/secrets.json", __V__, 0600)
}
""",
    ),
    (
        "upload",
        "r3-gin-save-uploaded",
        gin(
            "net/http",
            """\t__V__, err := c.FormFile("file")
\tif err != nil {
\t\tc.String(http.StatusBadRequest, "no file")
\t\treturn
\t}
\tc.SaveUploadedFile(__V__, "./public/uploads/"+__V__.Filename)
\tc.String(http.StatusOK, "uploaded")
""",
        ),
        gin(
            "net/http path/filepath strings github.com/google/uuid",
            """\t__V__, err := c.FormFile("file")
\tif err != nil {
\t\tc.String(http.StatusBadRequest, "no file")
\t\treturn
\t}
\text := strings.ToLower(filepath.Ext(__V__.Filename))
\tif ext != ".png" && ext != ".jpg" {
\t\tc.String(http.StatusBadRequest, "type not allowed")
\t\treturn
\t}
\tc.SaveUploadedFile(__V__, "./public/uploads/"+uuid.NewString()+ext)
\tc.String(http.StatusOK, "uploaded")
""",
        ),
    ),
    (
        "ldap",
        "r3-go-ldap-filter",
        nethttp(
            "fmt github.com/go-ldap/ldap/v3",
            """\t__V__ := r.URL.Query().Get("user")
\treq := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
\t\tfmt.Sprintf("(&(objectClass=person)(uid=%s))", __V__), []string{"cn"}, nil)
\tres, err := conn.Search(req)
\tif err != nil {
\t\thttp.Error(w, "search failed", http.StatusInternalServerError)
\t\treturn
\t}
\tfmt.Fprintf(w, "%d", len(res.Entries))
""",
            "\nvar conn *ldap.Conn\n",
        ),
        nethttp(
            "fmt github.com/go-ldap/ldap/v3",
            """\t__V__ := r.URL.Query().Get("user")
\treq := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
\t\tfmt.Sprintf("(&(objectClass=person)(uid=%s))", ldap.EscapeFilter(__V__)), []string{"cn"}, nil)
\tres, err := conn.Search(req)
\tif err != nil {
\t\thttp.Error(w, "search failed", http.StatusInternalServerError)
\t\treturn
\t}
\tfmt.Fprintf(w, "%d", len(res.Entries))
""",
            "\nvar conn *ldap.Conn\n",
        ),
    ),
    (
        "cleartext",
        "r3-http-post-credentials",
        """package main

import (
\t"net/http"
\t"net/url"
)

func login__F__(user, __V__ string) (*http.Response, error) {
\treturn http.PostForm("http://auth.example.com/login", url.Values{"username": {user}, "password": {__V__}})
}
""",
        """package main

import (
\t"net/http"
\t"net/url"
)

func login__F__(user, __V__ string) (*http.Response, error) {
\treturn http.PostForm("https://auth.example.com/login", url.Values{"username": {user}, "password": {__V__}})
}
""",
    ),
]

SCENARIOS: list[tuple[str, str, str, str]] = [
    (category, name, _go(vulnerable), _go(safe)) for category, name, vulnerable, safe in _RAW
]
