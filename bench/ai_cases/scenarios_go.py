"""Go scenarios of the AI-style suite (net/http, database/sql, os/exec, templates, Gin), vulnerable and
safe twins. Tokens `{V}`, `{F}`, `{R}`, `{T}` are replaced per variant; braces are literal."""


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


DB = "\nvar db *sql.DB\n"
UNCHECKED_LIMIT = """
var db *sql.DB

func buildQuery(limit string) string {
\treturn "SELECT * FROM {T} ORDER BY created DESC LIMIT " + limit
}
"""
CHECKED_LIMIT = """
var db *sql.DB

func buildQuery(limit int) string {
\treturn "SELECT * FROM {T} ORDER BY created DESC LIMIT " + strconv.Itoa(limit)
}
"""
SCENARIOS = [
    (
        "sql",
        "concat-query",
        handler(
            "database/sql",
            """\t{V} := r.URL.Query().Get("id")
\trows, err := db.Query("SELECT name FROM {T} WHERE id = '" + {V} + "'")
\tif err != nil {
\t\thttp.Error(w, "query failed", http.StatusInternalServerError)
\t\treturn
\t}
\tdefer rows.Close()
""",
            DB,
        ),
        handler(
            "database/sql",
            """\t{V} := r.URL.Query().Get("id")
\trows, err := db.Query("SELECT name FROM {T} WHERE id = ?", {V})
\tif err != nil {
\t\thttp.Error(w, "query failed", http.StatusInternalServerError)
\t\treturn
\t}
\tdefer rows.Close()
""",
            DB,
        ),
    ),
    (
        "sql",
        "sprintf-query",
        handler(
            "database/sql fmt",
            """\t{V} := r.FormValue("owner")
\tquery := fmt.Sprintf("DELETE FROM {T} WHERE owner = '%s'", {V})
\tif _, err := db.Exec(query); err != nil {
\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)
\t}
""",
            DB,
        ),
        handler(
            "database/sql",
            """\t{V} := r.FormValue("owner")
\tif _, err := db.Exec("DELETE FROM {T} WHERE owner = $1", {V}); err != nil {
\t\thttp.Error(w, "delete failed", http.StatusInternalServerError)
\t}
""",
            DB,
        ),
    ),
    (
        "sql",
        "helper-order-by",
        handler(
            "database/sql strconv",
            """\t{V} := r.URL.Query().Get("limit")
\trows, err := db.Query(buildQuery({V}))
\tif err == nil {
\t\trows.Close()
\t}
""",
            UNCHECKED_LIMIT,
        ).replace('\t"strconv"\n', ""),
        handler(
            "database/sql strconv",
            """\t{V}, err := strconv.Atoi(r.URL.Query().Get("limit"))
\tif err != nil {
\t\thttp.Error(w, "bad limit", http.StatusBadRequest)
\t\treturn
\t}
\trows, err := db.Query(buildQuery({V}))
\tif err == nil {
\t\trows.Close()
\t}
""",
            CHECKED_LIMIT,
        ),
    ),
    (
        "command",
        "ping-shell",
        handler(
            "os/exec",
            """\t{V} := r.URL.Query().Get("host")
\tout, err := exec.Command("sh", "-c", "ping -c 1 "+{V}).CombinedOutput()
\tif err != nil {
\t\thttp.Error(w, "ping failed", http.StatusBadGateway)
\t\treturn
\t}
\tw.Write(out)
""",
        ),
        handler(
            "os/exec",
            """\t{V} := r.URL.Query().Get("host")
\tout, err := exec.Command("ping", "-c", "1", {V}).CombinedOutput()
\tif err != nil {
\t\thttp.Error(w, "ping failed", http.StatusBadGateway)
\t\treturn
\t}
\thttp.Error(w, string(out), http.StatusOK)
""",
        ),
    ),
    (
        "command",
        "archive-sprintf",
        handler(
            "fmt os/exec",
            """\t{V} := r.FormValue("dir")
\tcmd := fmt.Sprintf("tar czf /tmp/backup.tgz %s", {V})
\tif err := exec.Command("bash", "-c", cmd).Run(); err != nil {
\t\thttp.Error(w, "backup failed", http.StatusInternalServerError)
\t}
""",
        ),
        handler(
            "os/exec",
            """\t{V} := r.FormValue("dir")
\tif err := exec.Command("tar", "czf", "/tmp/backup.tgz", "--", {V}).Run(); err != nil {
\t\thttp.Error(w, "backup failed", http.StatusInternalServerError)
\t}
""",
        ),
    ),
    (
        "command",
        "tool-by-name",
        handler(
            "os/exec",
            """\t{V} := r.URL.Query().Get("tool")
\tout, _ := exec.Command({V}, "--version").Output()
\tw.Header().Set("Content-Type", "text/plain")
\tw.Write(out)
""",
        ),
        handler(
            "os/exec",
            """\t{V} := r.URL.Query().Get("tool")
\ttools := map[string]string{"git": "/usr/bin/git", "go": "/usr/local/go/bin/go"}
\tpath, ok := tools[{V}]
\tif !ok {
\t\thttp.Error(w, "unknown tool", http.StatusBadRequest)
\t\treturn
\t}
\tout, _ := exec.Command(path, "--version").Output()
\tw.Header().Set("Content-Type", "text/plain")
\tw.Write(out)
""",
        ),
    ),
    (
        "path",
        "download-join",
        handler(
            "os path/filepath",
            """\t{V} := r.URL.Query().Get("file")
\tdata, err := os.ReadFile(filepath.Join("/srv/{T}", {V}))
\tif err != nil {
\t\thttp.NotFound(w, r)
\t\treturn
\t}
\tw.Header().Set("Content-Type", "application/octet-stream")
\tw.Write(data)
""",
        ),
        handler(
            "os path/filepath",
            """\t{V} := r.URL.Query().Get("file")
\tdata, err := os.ReadFile(filepath.Join("/srv/{T}", filepath.Base({V})))
\tif err != nil {
\t\thttp.NotFound(w, r)
\t\treturn
\t}
\tw.Header().Set("Content-Type", "application/octet-stream")
\tw.Write(data)
""",
        ),
    ),
    (
        "path",
        "serve-file",
        handler(
            "",
            """\t{V} := r.URL.Query().Get("name")
\thttp.ServeFile(w, r, "/var/{T}/"+{V})
""",
        ),
        handler(
            "path/filepath strings",
            """\t{V} := r.URL.Query().Get("name")
\tfull := filepath.Clean(filepath.Join("/var/{T}", {V}))
\tif !strings.HasPrefix(full, "/var/{T}/") {
\t\thttp.Error(w, "forbidden", http.StatusForbidden)
\t\treturn
\t}
\thttp.ServeFile(w, r, full)
""",
        ),
    ),
    (
        "path",
        "upload-create",
        handler(
            "io os path/filepath",
            """\tfile, header, err := r.FormFile("upload")
\tif err != nil {
\t\thttp.Error(w, "no file", http.StatusBadRequest)
\t\treturn
\t}
\tdefer file.Close()
\t{V} := header.Filename
\tout, err := os.Create(filepath.Join("/srv/uploads", {V}))
\tif err != nil {
\t\treturn
\t}
\tdefer out.Close()
\tio.Copy(out, file)
""",
        ),
        handler(
            "io os path/filepath",
            """\tfile, header, err := r.FormFile("upload")
\tif err != nil {
\t\thttp.Error(w, "no file", http.StatusBadRequest)
\t\treturn
\t}
\tdefer file.Close()
\t{V} := filepath.Base(header.Filename)
\tout, err := os.Create(filepath.Join("/srv/uploads", {V}))
\tif err != nil {
\t\treturn
\t}
\tdefer out.Close()
\tio.Copy(out, file)
""",
        ),
    ),
    (
        "xss",
        "fprintf-greeting",
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
        "template-html-cast",
        handler(
            "html/template",
            """\t{V} := r.FormValue("bio")
\tpage.Execute(w, map[string]interface{}{"Bio": template.HTML({V})})
""",
            '\nvar page = template.Must(template.New("p").Parse("<div>{{.Bio}}</div>"))\n',
        ),
        handler(
            "html/template",
            """\t{V} := r.FormValue("bio")
\tpage.Execute(w, map[string]interface{}{"Bio": {V}})
""",
            '\nvar page = template.Must(template.New("p").Parse("<div>{{.Bio}}</div>"))\n',
        ),
    ),
    (
        "xss",
        "text-template",
        handler(
            "text/template",
            """\t{V} := r.URL.Query().Get("q")
\ttmpl := template.Must(template.New("results").Parse("<p>Results for {{.}}</p>"))
\ttmpl.Execute(w, {V})
""",
        ).replace('\t"text/template"', '\t"text/template"'),
        handler(
            "html/template",
            """\t{V} := r.URL.Query().Get("q")
\ttmpl := template.Must(template.New("results").Parse("<p>Results for {{.}}</p>"))
\ttmpl.Execute(w, {V})
""",
        ),
    ),
    (
        "redirect",
        "login-next",
        handler(
            "",
            """\t{V} := r.URL.Query().Get("next")
\tif {V} == "" {
\t\t{V} = "/"
\t}
\thttp.Redirect(w, r, {V}, http.StatusFound)
""",
        ),
        handler(
            "",
            """\t{V} := r.URL.Query().Get("next")
\tif {V} != "/{R}" && {V} != "/account" {
\t\t{V} = "/"
\t}
\thttp.Redirect(w, r, {V}, http.StatusFound)
""",
        ),
    ),
    (
        "ssrf",
        "fetch-preview",
        handler(
            "io",
            """\t{V} := r.URL.Query().Get("url")
\tresp, err := http.Get({V})
\tif err != nil {
\t\thttp.Error(w, "fetch failed", http.StatusBadGateway)
\t\treturn
\t}
\tdefer resp.Body.Close()
\tio.Copy(w, resp.Body)
""",
        ),
        handler(
            "io net/url",
            """\t{V} := r.URL.Query().Get("id")
\tresp, err := http.Get("https://api.example.com/{R}?id=" + url.QueryEscape({V}))
\tif err != nil {
\t\thttp.Error(w, "fetch failed", http.StatusBadGateway)
\t\treturn
\t}
\tdefer resp.Body.Close()
\tio.Copy(w, resp.Body)
""",
        ),
    ),
    (
        "ssrf",
        "webhook-request",
        handler(
            "strings",
            """\t{V} := r.FormValue("callback")
\treq, err := http.NewRequest("POST", {V}, strings.NewReader("{}"))
\tif err != nil {
\t\treturn
\t}
\thttp.DefaultClient.Do(req)
""",
        ),
        handler(
            "strings",
            """\t{V} := r.FormValue("callback")
\tif {V} != "https://hooks.example.com/{R}" {
\t\thttp.Error(w, "unknown callback", http.StatusBadRequest)
\t\treturn
\t}
\treq, err := http.NewRequest("POST", {V}, strings.NewReader("{}"))
\tif err != nil {
\t\treturn
\t}
\thttp.DefaultClient.Do(req)
""",
        ),
    ),
    (
        "header",
        "content-disposition",
        handler(
            "",
            """\t{V} := r.URL.Query().Get("filename")
\tw.Header().Set("Content-Disposition", "attachment; filename="+{V})
\tw.Write([]byte("report"))
""",
        ),
        handler(
            "net/url",
            """\t{V} := r.URL.Query().Get("filename")
\tw.Header().Set("Content-Disposition", "attachment; filename="+url.PathEscape({V}))
\tw.Write([]byte("report"))
""",
        ),
    ),
    (
        "log",
        "failed-login",
        handler(
            "log",
            """\t{V} := r.FormValue("username")
\tlog.Printf("failed login for user %s", {V})
\thttp.Error(w, "invalid credentials", http.StatusUnauthorized)
""",
        ),
        handler(
            "log strconv",
            """\t{V} := r.FormValue("username")
\tlog.Printf("failed login for user %s", strconv.Quote({V}))
\thttp.Error(w, "invalid credentials", http.StatusUnauthorized)
""",
        ),
    ),
    (
        "regex",
        "search-pattern",
        handler(
            "regexp",
            """\t{V} := r.URL.Query().Get("pattern")
\tre, err := regexp.Compile({V})
\tif err != nil {
\t\thttp.Error(w, "bad pattern", http.StatusBadRequest)
\t\treturn
\t}
\tw.Write([]byte(re.FindString("{T}")))
""",
        ),
        handler(
            "regexp",
            """\t{V} := r.URL.Query().Get("pattern")
\tre, err := regexp.Compile(regexp.QuoteMeta({V}))
\tif err != nil {
\t\thttp.Error(w, "bad pattern", http.StatusBadRequest)
\t\treturn
\t}
\tw.Write([]byte(re.FindString("{T}")))
""",
        ),
    ),
    (
        "template",
        "user-template",
        handler(
            "text/template",
            """\t{V} := r.FormValue("template")
\ttmpl, err := template.New("{R}").Parse({V})
\tif err != nil {
\t\thttp.Error(w, "bad template", http.StatusBadRequest)
\t\treturn
\t}
\ttmpl.Execute(w, nil)
""",
        ),
        handler(
            "text/template",
            """\t{V} := r.FormValue("name")
\ttmpl, err := template.New("{R}").Parse("Hello {{.}}")
\tif err != nil {
\t\treturn
\t}
\tw.Header().Set("Content-Type", "text/plain")
\ttmpl.Execute(w, {V})
""",
        ),
    ),
    (
        "cookie",
        "session-cookie",
        handler(
            "",
            """\t{V} := r.FormValue("session")
\thttp.SetCookie(w, &http.Cookie{Name: "session", Value: {V}, Path: "/"})
""",
        ),
        handler(
            "",
            """\t{V} := r.FormValue("session")
\thttp.SetCookie(w, &http.Cookie{Name: "session", Value: {V}, Path: "/", Secure: true, HttpOnly: true})
""",
        ),
    ),
    (
        "cookie",
        "gin-cookie",
        """package main

import (
\t"net/http"

\t"github.com/gin-gonic/gin"
)

func {F}Handler(c *gin.Context) {
\t{V} := c.PostForm("token")
\tc.SetCookie("token", {V}, 3600, "/", "", false, false)
\tc.Status(http.StatusNoContent)
}
""",
        """package main

import (
\t"net/http"

\t"github.com/gin-gonic/gin"
)

func {F}Handler(c *gin.Context) {
\t{V} := c.PostForm("token")
\tc.SetCookie("token", {V}, 3600, "/", "", true, true)
\tc.Status(http.StatusNoContent)
}
""",
    ),
    (
        "weak-random",
        "reset-token",
        handler(
            "fmt math/rand",
            """\t{V} := fmt.Sprintf("%d", rand.Int63())
\thttp.SetCookie(w, &http.Cookie{Name: "reset", Value: {V}, Secure: true, HttpOnly: true})
""",
        ),
        handler(
            "crypto/rand encoding/hex",
            """\tbuf := make([]byte, 32)
\trand.Read(buf)
\t{V} := hex.EncodeToString(buf)
\thttp.SetCookie(w, &http.Cookie{Name: "reset", Value: {V}, Secure: true, HttpOnly: true})
""",
        ),
    ),
    (
        "weak-hash",
        "password-md5",
        handler(
            "crypto/md5 encoding/hex",
            """\tpassword := r.FormValue("password")
\tsum := md5.Sum([]byte(password))
\t{V} := hex.EncodeToString(sum[:])
\tw.Write([]byte({V}))
""",
        ),
        handler(
            "golang.org/x/crypto/bcrypt",
            """\tpassword := r.FormValue("password")
\t{V}, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
\tif err != nil {
\t\treturn
\t}
\tw.Write({V})
""",
        ),
    ),
    (
        "file-mode",
        "write-config",
        handler(
            "os",
            """\t{V} := []byte(r.FormValue("config"))
\tif err := os.WriteFile("/etc/{T}.conf", {V}, 0777); err != nil {
\t\thttp.Error(w, "write failed", http.StatusInternalServerError)
\t}
""",
        ),
        handler(
            "os",
            """\t{V} := []byte(r.FormValue("config"))
\tif err := os.WriteFile("/etc/{T}.conf", {V}, 0600); err != nil {
\t\thttp.Error(w, "write failed", http.StatusInternalServerError)
\t}
""",
        ),
    ),
    (
        "error-disclosure",
        "load-record",
        handler(
            "database/sql",
            """\t{V} := r.URL.Query().Get("id")
\tvar name string
\terr := db.QueryRow("SELECT name FROM {T} WHERE id = ?", {V}).Scan(&name)
\tif err != nil {
\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)
\t\treturn
\t}
\tw.Write([]byte(name))
""",
            DB,
        ),
        handler(
            "database/sql log",
            """\t{V} := r.URL.Query().Get("id")
\tvar name string
\terr := db.QueryRow("SELECT name FROM {T} WHERE id = ?", {V}).Scan(&name)
\tif err != nil {
\t\tlog.Printf("loading {T}: %v", err)
\t\thttp.Error(w, "internal error", http.StatusInternalServerError)
\t\treturn
\t}
\tw.Write([]byte(name))
""",
            DB,
        ),
    ),
    (
        "error-disclosure",
        "parse-upload",
        handler(
            "fmt io",
            """\tdata, err := io.ReadAll(r.Body)
\tif err != nil {
\t\tfmt.Fprintf(w, "could not read {T}: %v", err)
\t\treturn
\t}
\t{V}, err := parse{F}(data)
\tif err != nil {
\t\tw.WriteHeader(http.StatusBadRequest)
\t\tw.Write([]byte("invalid {T}: " + err.Error()))
\t\treturn
\t}
\tfmt.Fprintf(w, "%d {T}", {V})
""",
            "\nfunc parse{F}(data []byte) (int, error) {\n\treturn len(data), nil\n}\n",
        ),
        handler(
            "fmt io log",
            """\tdata, err := io.ReadAll(r.Body)
\tif err != nil {
\t\tlog.Printf("reading {T}: %v", err)
\t\thttp.Error(w, "could not read the request", http.StatusBadRequest)
\t\treturn
\t}
\t{V}, err := parse{F}(data)
\tif err != nil {
\t\tlog.Printf("parsing {T}: %v", err)
\t\thttp.Error(w, "invalid {T}", http.StatusBadRequest)
\t\treturn
\t}
\tfmt.Fprintf(w, "%d {T}", {V})
""",
            "\nfunc parse{F}(data []byte) (int, error) {\n\treturn len(data), nil\n}\n",
        ),
    ),
    (
        "deserialization",
        "gob-decode",
        handler(
            "encoding/gob",
            """\tvar {V} {F}Payload
\tif err := gob.NewDecoder(r.Body).Decode(&{V}); err != nil {
\t\thttp.Error(w, "bad payload", http.StatusBadRequest)
\t\treturn
\t}
\tw.WriteHeader(http.StatusNoContent)
""",
            "\ntype {F}Payload struct {\n\tName  string\n\tCount int\n}\n",
        ),
        handler(
            "encoding/json",
            """\tvar {V} {F}Payload
\tif err := json.NewDecoder(r.Body).Decode(&{V}); err != nil {
\t\thttp.Error(w, "bad payload", http.StatusBadRequest)
\t\treturn
\t}
\tw.WriteHeader(http.StatusNoContent)
""",
            "\ntype {F}Payload struct {\n\tName  string\n\tCount int\n}\n",
        ),
    ),
    (
        "temp-file",
        "export-csv",
        handler(
            "os path/filepath",
            """\t{V} := r.URL.Query().Get("format")
\tpath := filepath.Join(os.TempDir(), "{T}-export."+filepath.Base({V}))
\tf, err := os.Create(path)
\tif err != nil {
\t\thttp.Error(w, "export failed", http.StatusInternalServerError)
\t\treturn
\t}
\tdefer os.Remove(path)
\tdefer f.Close()
\tf.WriteString("id,name\\n")
\thttp.ServeFile(w, r, path)
""",
        ),
        handler(
            "os",
            """\t{V} := r.URL.Query().Get("format")
\tf, err := os.CreateTemp("", "{T}-export-*."+{V})
\tif err != nil {
\t\thttp.Error(w, "export failed", http.StatusInternalServerError)
\t\treturn
\t}
\tdefer os.Remove(f.Name())
\tdefer f.Close()
\tf.WriteString("id,name\\n")
\thttp.ServeFile(w, r, f.Name())
""",
        ),
    ),
    (
        "temp-file",
        "write-lock",
        handler(
            "os",
            """\t{V} := []byte(r.FormValue("owner"))
\tif err := os.WriteFile(os.TempDir()+"/{T}.lock", {V}, 0o644); err != nil {
\t\thttp.Error(w, "locked", http.StatusConflict)
\t\treturn
\t}
\tw.WriteHeader(http.StatusNoContent)
""",
        ),
        handler(
            "os path/filepath",
            """\t{V} := []byte(r.FormValue("owner"))
\tdir, err := os.MkdirTemp("", "{T}-")
\tif err != nil {
\t\thttp.Error(w, "locked", http.StatusConflict)
\t\treturn
\t}
\tif err := os.WriteFile(filepath.Join(dir, "{T}.lock"), {V}, 0o644); err != nil {
\t\thttp.Error(w, "locked", http.StatusConflict)
\t\treturn
\t}
\tw.WriteHeader(http.StatusNoContent)
""",
        ),
    ),
]
