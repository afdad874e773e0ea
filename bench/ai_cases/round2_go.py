"""Second round of Go scenarios of the AI-style suite, written without reference to the models: "a Go
handler that ...". Same format as `scenarios_go.py`: (category, scenario, vulnerable, safe); braces are
literal."""


def handler(imports: str, body: str, extra: str = "") -> str:
    listed = "".join(f'\t"{name}"\n' for name in ["net/http", *imports.split()])
    return (
        "package main\n\nimport (\n"
        + listed
        + ")\n"
        + extra
        + "\nfunc {F}Handler(w http.ResponseWriter, r *http.Request) {\n"
        + body
        + "}\n"
    )


SCENARIOS = [
    (
        "sql",
        "r2-sprintf-query",
        handler(
            "database/sql encoding/json fmt",
            """\t{V} := r.URL.Query().Get("owner")
\trows, err := db.Query(fmt.Sprintf("SELECT id FROM {T} WHERE owner = '%s'", {V}))
\tif err != nil {
\t\thttp.Error(w, "db error", 500)
\t\treturn
\t}
\tdefer rows.Close()
\tjson.NewEncoder(w).Encode(rows.Next())
""",
            "\nvar db *sql.DB\n",
        ),
        handler(
            "database/sql encoding/json",
            """\t{V} := r.URL.Query().Get("owner")
\trows, err := db.Query("SELECT id FROM {T} WHERE owner = $1", {V})
\tif err != nil {
\t\thttp.Error(w, "db error", 500)
\t\treturn
\t}
\tdefer rows.Close()
\tjson.NewEncoder(w).Encode(rows.Next())
""",
            "\nvar db *sql.DB\n",
        ),
    ),
    (
        "command",
        "r2-sh-c",
        handler(
            "os/exec",
            """\t{V} := r.FormValue("host")
\tout, err := exec.Command("sh", "-c", "ping -c 1 "+{V}).CombinedOutput()
\tif err != nil {
\t\thttp.Error(w, "failed", 500)
\t\treturn
\t}
\tw.Write(out)
""",
        ),
        handler(
            "os/exec",
            """\t{V} := r.FormValue("host")
\tout, err := exec.Command("ping", "-c", "1", {V}).CombinedOutput()
\tif err != nil {
\t\thttp.Error(w, "failed", 500)
\t\treturn
\t}
\tw.Write(out)
""",
        ),
    ),
    (
        "path",
        "r2-readfile-join",
        handler(
            "os path/filepath",
            """\t{V} := r.URL.Query().Get("file")
\tdata, err := os.ReadFile(filepath.Join("/srv/{T}", {V}))
\tif err != nil {
\t\thttp.NotFound(w, r)
\t\treturn
\t}
\tw.Write(data)
""",
        ),
        handler(
            "os path/filepath strings",
            """\t{V} := r.URL.Query().Get("file")
\tbase := "/srv/{T}"
\ttarget := filepath.Join(base, filepath.Clean("/"+{V}))
\tif !strings.HasPrefix(target, base+string(filepath.Separator)) {
\t\thttp.Error(w, "bad path", 400)
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
        "r2-fprintf-html",
        handler(
            "fmt",
            """\t{V} := r.URL.Query().Get("name")
\tw.Header().Set("Content-Type", "text/html")
\tfmt.Fprintf(w, "<h1>Hello, %s!</h1>", {V})
""",
        ),
        handler(
            "fmt html",
            """\t{V} := r.URL.Query().Get("name")
\tw.Header().Set("Content-Type", "text/html")
\tfmt.Fprintf(w, "<h1>Hello, %s!</h1>", html.EscapeString({V}))
""",
        ),
    ),
    (
        "xss",
        "r2-text-template",
        handler(
            "text/template",
            """\t{V} := r.URL.Query().Get("q")
\ttmpl := template.Must(template.New("page").Parse("<p>You searched for {{.}}</p>"))
\ttmpl.Execute(w, {V})
""",
        ),
        handler(
            "html/template",
            """\t{V} := r.URL.Query().Get("q")
\ttmpl := template.Must(template.New("page").Parse("<p>You searched for {{.}}</p>"))
\ttmpl.Execute(w, {V})
""",
        ),
    ),
    (
        "redirect",
        "r2-redirect-next",
        handler(
            "",
            """\t{V} := r.URL.Query().Get("next")
\thttp.Redirect(w, r, {V}, http.StatusFound)
""",
        ),
        handler(
            "strings",
            """\t{V} := r.URL.Query().Get("next")
\tif !strings.HasPrefix({V}, "/") || strings.HasPrefix({V}, "//") {
\t\t{V} = "/"
\t}
\thttp.Redirect(w, r, {V}, http.StatusFound)
""",
        ),
    ),
    (
        "ssrf",
        "r2-http-get-url",
        handler(
            "io",
            """\t{V} := r.FormValue("url")
\tresp, err := http.Get({V})
\tif err != nil {
\t\thttp.Error(w, "fetch failed", 502)
\t\treturn
\t}
\tdefer resp.Body.Close()
\tio.Copy(w, resp.Body)
""",
        ),
        handler(
            "io net/url",
            """\t{V} := r.FormValue("url")
\tu, err := url.Parse({V})
\tif err != nil || u.Scheme != "https" || u.Host != "api.example.com" {
\t\thttp.Error(w, "host not allowed", 400)
\t\treturn
\t}
\tresp, err := http.Get(u.String())
\tif err != nil {
\t\thttp.Error(w, "fetch failed", 502)
\t\treturn
\t}
\tdefer resp.Body.Close()
\tio.Copy(w, resp.Body)
""",
        ),
    ),
    (
        "weak-random",
        "r2-math-rand-token",
        """package main

import (
\t"math/rand"
)

const letters = "abcdefghijklmnopqrstuvwxyz0123456789"

func {F}Token(n int) string {
\t{V} := make([]byte, n)
\tfor i := range {V} {
\t\t{V}[i] = letters[rand.Intn(len(letters))]
\t}
\treturn string({V})
}
""",
        """package main

import (
\t"crypto/rand"
\t"math/big"
)

const letters = "abcdefghijklmnopqrstuvwxyz0123456789"

func {F}Token(n int) string {
\t{V} := make([]byte, n)
\tfor i := range {V} {
\t\tk, _ := rand.Int(rand.Reader, big.NewInt(int64(len(letters))))
\t\t{V}[i] = letters[k.Int64()]
\t}
\treturn string({V})
}
""",
    ),
    (
        "weak-hash",
        "r2-md5-password",
        """package main

import (
\t"crypto/md5"
\t"encoding/hex"
)

func {F}HashPassword(password string) string {
\t{V} := md5.Sum([]byte(password))
\treturn hex.EncodeToString({V}[:])
}
""",
        """package main

import (
\t"golang.org/x/crypto/bcrypt"
)

func {F}HashPassword(password string) string {
\t{V}, _ := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
\treturn string({V})
}
""",
    ),
    (
        "cookie",
        "r2-set-cookie",
        handler(
            "",
            """\t{V} := newSessionID()
\thttp.SetCookie(w, &http.Cookie{Name: "session", Value: {V}, Path: "/"})
\tw.WriteHeader(http.StatusNoContent)
""",
        ),
        handler(
            "",
            """\t{V} := newSessionID()
\thttp.SetCookie(w, &http.Cookie{Name: "session", Value: {V}, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
\tw.WriteHeader(http.StatusNoContent)
""",
        ),
    ),
]
