"""Second round of Java scenarios of the AI-style suite, written without reference to the models: "a
Java servlet that ...". Same format as `scenarios_java.py`: (category, scenario, vulnerable, safe);
braces are literal; the class is named after `{F}`."""

IMPORTS = """import java.io.*;
import java.nio.file.*;
import java.security.*;
import java.sql.*;
import java.util.*;
import javax.servlet.http.*;
"""


def servlet(body: str, extra: str = "", method: str = "doGet") -> str:
    return (
        IMPORTS
        + extra
        + "\npublic class {F}Servlet extends HttpServlet {\n    @Override\n    protected void "
        + method
        + "(HttpServletRequest request, HttpServletResponse response) throws IOException {\n"
        + body
        + "    }\n}\n"
    )


SCENARIOS = [
    (
        "sql",
        "r2-string-format-query",
        servlet("""        String {V} = request.getParameter("category");
        String sql = String.format("SELECT name, price FROM {T} WHERE category = '%s'", {V});
        try (Connection conn = DriverManager.getConnection("jdbc:postgresql://localhost/app");
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                response.getWriter().println(rs.getString("name"));
            }
        } catch (SQLException e) {
            response.sendError(500);
        }
"""),
        servlet("""        String {V} = request.getParameter("category");
        String sql = "SELECT name, price FROM {T} WHERE category = ?";
        try (Connection conn = DriverManager.getConnection("jdbc:postgresql://localhost/app");
             PreparedStatement st = conn.prepareStatement(sql)) {
            st.setString(1, {V});
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    response.getWriter().println(rs.getString("name"));
                }
            }
        } catch (SQLException e) {
            response.sendError(500);
        }
"""),
    ),
    (
        "command",
        "r2-runtime-sh-c",
        servlet("""        String {V} = request.getParameter("host");
        Process p = Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "ping -c 2 " + {V}});
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            r.lines().forEach(response.getWriter()::println);
        }
"""),
        servlet("""        String {V} = request.getParameter("host");
        Process p = new ProcessBuilder("ping", "-c", "2", {V}).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            r.lines().forEach(response.getWriter()::println);
        }
"""),
    ),
    (
        "path",
        "r2-file-download",
        servlet("""        String {V} = request.getParameter("file");
        File file = new File("/srv/{T}/files", {V});
        response.setContentType("application/octet-stream");
        Files.copy(file.toPath(), response.getOutputStream());
"""),
        servlet("""        String {V} = request.getParameter("file");
        Path base = Paths.get("/srv/{T}/files").toRealPath();
        Path target = base.resolve({V}).normalize();
        if (!target.startsWith(base)) {
            response.sendError(400);
            return;
        }
        response.setContentType("application/octet-stream");
        Files.copy(target, response.getOutputStream());
"""),
    ),
    (
        "xss",
        "r2-writer-html",
        servlet("""        String {V} = request.getParameter("q");
        response.setContentType("text/html");
        PrintWriter out = response.getWriter();
        out.println("<html><body><h2>Results for " + {V} + "</h2></body></html>");
"""),
        servlet(
            """        String {V} = request.getParameter("q");
        response.setContentType("text/html");
        PrintWriter out = response.getWriter();
        out.println("<html><body><h2>Results for " + Encode.forHtml({V}) + "</h2></body></html>");
""",
            "import org.owasp.encoder.Encode;\n",
        ),
    ),
    (
        "redirect",
        "r2-send-redirect",
        servlet("""        String {V} = request.getParameter("next");
        request.getSession().setAttribute("loggedIn", Boolean.TRUE);
        response.sendRedirect({V});
"""),
        servlet("""        String {V} = request.getParameter("next");
        request.getSession().setAttribute("loggedIn", Boolean.TRUE);
        if ({V} == null || !{V}.startsWith("/") || {V}.startsWith("//")) {
            {V} = "/";
        }
        response.sendRedirect({V});
"""),
    ),
    (
        "xxe",
        "r2-documentbuilder",
        servlet(
            """        try {
            DocumentBuilderFactory {V} = DocumentBuilderFactory.newInstance();
            Document doc = {V}.newDocumentBuilder().parse(request.getInputStream());
            response.getWriter().println(doc.getDocumentElement().getNodeName());
        } catch (Exception e) {
            response.sendError(400);
        }
""",
            "import javax.xml.parsers.*;\nimport org.w3c.dom.Document;\n",
            "doPost",
        ),
        servlet(
            """        try {
            DocumentBuilderFactory {V} = DocumentBuilderFactory.newInstance();
            {V}.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            {V}.setXIncludeAware(false);
            {V}.setExpandEntityReferences(false);
            Document doc = {V}.newDocumentBuilder().parse(request.getInputStream());
            response.getWriter().println(doc.getDocumentElement().getNodeName());
        } catch (Exception e) {
            response.sendError(400);
        }
""",
            "import javax.xml.parsers.*;\nimport org.w3c.dom.Document;\n",
            "doPost",
        ),
    ),
    (
        "deserialization",
        "r2-objectinputstream",
        servlet(
            """        try (ObjectInputStream {V} = new ObjectInputStream(request.getInputStream())) {
            Object cart = {V}.readObject();
            response.getWriter().println(cart.toString());
        } catch (ClassNotFoundException e) {
            response.sendError(400);
        }
""",
            "",
            "doPost",
        ),
        servlet(
            """        ObjectMapper {V} = new ObjectMapper();
        Map<?, ?> cart = {V}.readValue(request.getInputStream(), Map.class);
        response.getWriter().println(cart.toString());
""",
            "import com.fasterxml.jackson.databind.ObjectMapper;\n",
            "doPost",
        ),
    ),
    (
        "weak-random",
        "r2-random-token",
        servlet("""        Random {V} = new Random();
        String token = Long.toHexString({V}.nextLong()) + Long.toHexString({V}.nextLong());
        request.getSession().setAttribute("csrf", token);
        response.getWriter().println(token);
"""),
        servlet("""        SecureRandom {V} = new SecureRandom();
        byte[] bytes = new byte[32];
        {V}.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.getSession().setAttribute("csrf", token);
        response.getWriter().println(token);
"""),
    ),
    (
        "weak-hash",
        "r2-messagedigest-md5",
        IMPORTS
        + """
public class {F}PasswordHasher {
    public String hash(String {V}) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("MD5");
        byte[] digest = md.digest({V}.getBytes());
        return Base64.getEncoder().encodeToString(digest);
    }
}
""",
        IMPORTS
        + """import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

public class {F}PasswordHasher {
    public String hash(String {V}, byte[] salt) throws Exception {
        PBEKeySpec spec = new PBEKeySpec({V}.toCharArray(), salt, 310000, 256);
        byte[] digest = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        return Base64.getEncoder().encodeToString(digest);
    }
}
""",
    ),
    (
        "cookie",
        "r2-servlet-cookie",
        servlet("""        String {V} = UUID.randomUUID().toString();
        Cookie cookie = new Cookie("SESSION", {V});
        cookie.setPath("/");
        response.addCookie(cookie);
"""),
        servlet("""        String {V} = UUID.randomUUID().toString();
        Cookie cookie = new Cookie("SESSION", {V});
        cookie.setPath("/");
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
"""),
    ),
    (
        "ldap",
        "r2-dircontext-search",
        servlet(
            """        String {V} = request.getParameter("user");
        try {
            DirContext ctx = new InitialDirContext();
            SearchControls sc = new SearchControls();
            NamingEnumeration<SearchResult> res = ctx.search("ou=people,dc=example,dc=com", "(uid=" + {V} + ")", sc);
            response.getWriter().println(res.hasMore());
        } catch (NamingException e) {
            response.sendError(500);
        }
""",
            "import javax.naming.*;\nimport javax.naming.directory.*;\n",
        ),
        servlet(
            """        String {V} = request.getParameter("user");
        try {
            DirContext ctx = new InitialDirContext();
            SearchControls sc = new SearchControls();
            NamingEnumeration<SearchResult> res = ctx.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] {{V}}, sc);
            response.getWriter().println(res.hasMore());
        } catch (NamingException e) {
            response.sendError(500);
        }
""",
            "import javax.naming.*;\nimport javax.naming.directory.*;\n",
        ),
    ),
    (
        "session",
        "r2-session-attribute",
        servlet(
            """        String {V} = request.getParameter("role");
        request.getSession().setAttribute("role", {V});
        response.getWriter().println("ok");
""",
            "",
            "doPost",
        ),
        servlet(
            """        String {V} = request.getParameter("role");
        String role = "admin".equals({V}) ? "viewer" : "viewer";
        request.getSession().setAttribute("role", role);
        response.getWriter().println("ok");
""",
            "",
            "doPost",
        ),
    ),
]
