"""Java scenarios of the AI-style suite (servlets, JDBC, the JDK), vulnerable and safe twins.
Tokens `{V}`, `{F}`, `{R}`, `{T}` are replaced per variant; braces are literal."""

IMPORTS = """import java.io.*;
import java.sql.*;
import java.util.*;
import javax.servlet.http.*;
"""


def servlet(body: str, extra: str = "") -> str:
    return (
        IMPORTS
        + extra
        + """
public class {F}Servlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
"""
        + body
        + """    }
}
"""
    )


SCENARIOS = [
    (
        "sql",
        "statement-concat",
        servlet("""        String {V} = request.getParameter("id");
        try (Connection conn = DriverManager.getConnection("jdbc:h2:mem:app")) {
            Statement stmt = conn.createStatement();
            ResultSet rs = stmt.executeQuery("SELECT * FROM {T} WHERE id = '" + {V} + "'");
            response.getWriter().println(rs.next());
        } catch (SQLException e) {
            response.sendError(500);
        }
"""),
        servlet("""        String {V} = request.getParameter("id");
        try (Connection conn = DriverManager.getConnection("jdbc:h2:mem:app")) {
            PreparedStatement stmt = conn.prepareStatement("SELECT * FROM {T} WHERE id = ?");
            stmt.setString(1, {V});
            ResultSet rs = stmt.executeQuery();
            response.getWriter().println(rs.next());
        } catch (SQLException e) {
            response.sendError(500);
        }
"""),
    ),
    (
        "sql",
        "format-query",
        servlet("""        String {V} = request.getParameter("name");
        try (Connection conn = DriverManager.getConnection("jdbc:h2:mem:app")) {
            String sql = String.format("DELETE FROM {T} WHERE owner = '%s'", {V});
            conn.createStatement().executeUpdate(sql);
        } catch (SQLException e) {
            response.sendError(500);
        }
"""),
        servlet("""        String {V} = request.getParameter("name");
        try (Connection conn = DriverManager.getConnection("jdbc:h2:mem:app")) {
            PreparedStatement stmt = conn.prepareStatement("DELETE FROM {T} WHERE owner = ?");
            stmt.setString(1, {V});
            stmt.executeUpdate();
        } catch (SQLException e) {
            response.sendError(500);
        }
"""),
    ),
    (
        "command",
        "runtime-exec",
        servlet("""        String {V} = request.getParameter("host");
        Process process = Runtime.getRuntime().exec("ping -c 1 " + {V});
        response.getWriter().println(process.isAlive());
"""),
        servlet("""        String {V} = request.getParameter("host");
        Process process = new ProcessBuilder("ping", "-c", "1", {V}).start();
        response.getWriter().println(process.isAlive());
"""),
    ),
    (
        "command",
        "shell-builder",
        servlet("""        String {V} = request.getParameter("file");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "cat /srv/{T}/" + {V});
        builder.start();
"""),
        servlet("""        String {V} = request.getParameter("file");
        ProcessBuilder builder = new ProcessBuilder("cat", "/srv/{T}/" + new File({V}).getName());
        builder.start();
"""),
    ),
    (
        "path",
        "file-download",
        servlet("""        String {V} = request.getParameter("file");
        File file = new File("/srv/{T}/" + {V});
        try (FileInputStream in = new FileInputStream(file)) {
            in.transferTo(response.getOutputStream());
        }
"""),
        servlet("""        String {V} = request.getParameter("file");
        File file = new File("/srv/{T}/" + new File({V}).getName());
        try (FileInputStream in = new FileInputStream(file)) {
            in.transferTo(response.getOutputStream());
        }
"""),
    ),
    (
        "xss",
        "writer-greeting",
        servlet("""        String {V} = request.getParameter("name");
        response.setContentType("text/html");
        response.getWriter().println("<h1>Hello, " + {V} + "</h1>");
"""),
        servlet("""        String {V} = request.getParameter("name");
        response.setContentType("text/html");
        response.getWriter().println("<h1>Hello, " + org.owasp.esapi.ESAPI.encoder().encodeForHTML({V}) + "</h1>");
"""),
    ),
    (
        "redirect",
        "send-redirect",
        servlet("""        String {V} = request.getParameter("returnUrl");
        response.sendRedirect({V});
"""),
        servlet("""        String {V} = request.getParameter("returnUrl");
        if (!"/{T}".equals({V})) {
            {V} = "/home";
        }
        response.sendRedirect({V});
"""),
    ),
    (
        "ssrf",
        "url-open",
        servlet("""        String {V} = request.getParameter("url");
        java.net.URL url = new java.net.URL({V});
        try (InputStream in = url.openStream()) {
            in.transferTo(response.getOutputStream());
        }
"""),
        servlet("""        String {V} = request.getParameter("path");
        java.net.URL url = new java.net.URL("https://api.example.com/{T}");
        try (InputStream in = url.openStream()) {
            in.transferTo(response.getOutputStream());
        }
"""),
    ),
    (
        "deserialization",
        "object-stream",
        servlet("""        try (ObjectInputStream {V} = new ObjectInputStream(request.getInputStream())) {
            Object state = {V}.readObject();
            response.getWriter().println(state);
        } catch (ClassNotFoundException e) {
            response.sendError(400);
        }
"""),
        servlet("""        try (BufferedReader {V} = request.getReader()) {
            String state = {V}.readLine();
            response.getWriter().println(state == null ? 0 : state.length());
        }
"""),
    ),
    (
        "ldap",
        "jndi-search",
        servlet("""        String {V} = request.getParameter("user");
        try {
            javax.naming.directory.DirContext ctx = new javax.naming.directory.InitialDirContext();
            ctx.search("ou=people,dc=example", "(uid=" + {V} + ")", new javax.naming.directory.SearchControls());
        } catch (javax.naming.NamingException e) {
            response.sendError(500);
        }
"""),
        servlet("""        String {V} = request.getParameter("user");
        try {
            javax.naming.directory.DirContext ctx = new javax.naming.directory.InitialDirContext();
            ctx.search("ou=people,dc=example", "(uid={0})", new Object[] {{V}}, new javax.naming.directory.SearchControls());
        } catch (javax.naming.NamingException e) {
            response.sendError(500);
        }
"""),
    ),
    (
        "xpath",
        "xpath-evaluate",
        servlet("""        String {V} = request.getParameter("name");
        try {
            javax.xml.xpath.XPath xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
            String expression = "/users/user[@name='" + {V} + "']/email";
            String email = xpath.evaluate(expression, new org.xml.sax.InputSource("{T}.xml"));
            response.getWriter().println(email.length());
        } catch (javax.xml.xpath.XPathExpressionException e) {
            response.sendError(500);
        }
"""),
        servlet("""        String {V} = request.getParameter("name");
        try {
            javax.xml.xpath.XPath xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
            String expression = "/users/user[@name='" + {V}.replace("'", "&apos;") + "']/email";
            String email = xpath.evaluate(expression, new org.xml.sax.InputSource("{T}.xml"));
            response.getWriter().println(email.length());
        } catch (javax.xml.xpath.XPathExpressionException e) {
            response.sendError(500);
        }
"""),
    ),
    (
        "weak-hash",
        "md5-digest",
        IMPORTS
        + """import java.security.MessageDigest;

public class {F}Hasher {
    /** Hash a password before storing it in the {T} table. */
    public static byte[] hash(String {V}) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        return md.digest({V}.getBytes("UTF-8"));
    }
}
""",
        IMPORTS
        + """import java.security.MessageDigest;

public class {F}Hasher {
    /** Hash a password before storing it in the {T} table. */
    public static byte[] hash(String {V}) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return md.digest({V}.getBytes("UTF-8"));
    }
}
""",
    ),
    (
        "weak-random",
        "session-token",
        servlet("""        String {V} = Long.toHexString(new Random().nextLong());
        request.getSession().setAttribute("csrfToken", {V});
"""),
        servlet("""        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        String {V} = Base64.getEncoder().encodeToString(bytes);
        request.getSession().setAttribute("csrfToken", {V});
"""),
    ),
    (
        "cookie",
        "cookie-flags",
        servlet("""        Cookie {V} = new Cookie("session", request.getSession().getId());
        {V}.setSecure(false);
        {V}.setHttpOnly(false);
        response.addCookie({V});
"""),
        servlet("""        Cookie {V} = new Cookie("session", request.getSession().getId());
        {V}.setSecure(true);
        {V}.setHttpOnly(true);
        response.addCookie({V});
"""),
    ),
    (
        "session",
        "user-attribute",
        servlet("""        String {V} = request.getParameter("role");
        request.getSession().setAttribute("role", {V});
"""),
        servlet("""        String {V} = request.getParameter("role");
        request.getSession().setAttribute("role", "admin".equals({V}) ? "viewer" : "viewer");
"""),
    ),
    (
        "header",
        "response-header",
        servlet("""        String {V} = request.getParameter("lang");
        response.setHeader("Content-Language", {V});
"""),
        servlet("""        String {V} = request.getParameter("lang");
        response.setHeader("Content-Language", "fr".equals({V}) ? "fr" : "en");
"""),
    ),
    (
        "code",
        "script-engine",
        servlet("""        String {V} = request.getParameter("expr");
        try {
            Object result = new javax.script.ScriptEngineManager().getEngineByName("js").eval({V});
            response.getWriter().println(result);
        } catch (javax.script.ScriptException e) {
            response.sendError(400);
        }
"""),
        servlet("""        String {V} = request.getParameter("expr");
        try {
            Object result = new javax.script.ScriptEngineManager().getEngineByName("js").eval("1 + 1");
            response.getWriter().println(result + {V}.length());
        } catch (javax.script.ScriptException e) {
            response.sendError(400);
        }
"""),
    ),
    (
        "xxe",
        "document-builder",
        servlet("""        try {
            javax.xml.parsers.DocumentBuilderFactory {V} = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            org.w3c.dom.Document doc = {V}.newDocumentBuilder().parse(request.getInputStream());
            response.getWriter().println(doc.getDocumentElement().getTagName().length());
        } catch (Exception e) {
            response.sendError(400);
        }
"""),
        servlet("""        try {
            javax.xml.parsers.DocumentBuilderFactory {V} = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            {V}.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.Document doc = {V}.newDocumentBuilder().parse(request.getInputStream());
            response.getWriter().println(doc.getDocumentElement().getTagName().length());
        } catch (Exception e) {
            response.sendError(400);
        }
"""),
    ),
]
