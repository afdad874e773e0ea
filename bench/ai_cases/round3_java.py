"""Third round of Java scenarios of the AI-style suite, written blind (before reading the models or any
earlier miss list): "a Spring Boot controller / servlet that ...". Same format as `round2_java.py`:
(category, scenario, vulnerable, safe); braces are literal, and the markers `__V__`, `__F__`, `__R__`,
`__T__` become `{V}`, `{F}`, `{R}`, `{T}`; the class is named after `{F}`."""

from __future__ import annotations

SPRING = """import java.io.*;
import java.nio.file.*;
import java.util.*;
import org.springframework.http.*;
import org.springframework.web.bind.annotation.*;
import javax.servlet.http.*;
"""


def spring(body: str, extra: str = "", fields: str = "") -> str:
    return (
        SPRING
        + extra
        + '\n@RestController\n@RequestMapping("/__R__")\npublic class __F__Controller {\n'
        + fields
        + body
        + "}\n"
    )


def servlet(body: str, extra: str = "") -> str:
    return (
        "import java.io.*;\nimport java.util.*;\nimport javax.servlet.http.*;\n"
        + extra
        + "\npublic class __F__Servlet extends HttpServlet {\n    @Override\n"
        + "    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {\n"
        + body
        + "    }\n}\n"
    )


_RAW: list[tuple[str, str, str, str]] = [
    (
        "sql",
        "r3-jdbctemplate-concat",
        spring(
            """    @GetMapping("/search")
    public List<Map<String, Object>> search(@RequestParam String __V__) {
        return jdbcTemplate.queryForList("SELECT id, name FROM __T__ WHERE name LIKE '%" + __V__ + "%'");
    }
""",
            "import org.springframework.jdbc.core.JdbcTemplate;\n",
            "    private final JdbcTemplate jdbcTemplate;\n\n    public __F__Controller(JdbcTemplate jdbcTemplate) {\n        this.jdbcTemplate = jdbcTemplate;\n    }\n\n",
        ),
        spring(
            """    @GetMapping("/search")
    public List<Map<String, Object>> search(@RequestParam String __V__) {
        return jdbcTemplate.queryForList("SELECT id, name FROM __T__ WHERE name LIKE ?", "%" + __V__ + "%");
    }
""",
            "import org.springframework.jdbc.core.JdbcTemplate;\n",
            "    private final JdbcTemplate jdbcTemplate;\n\n    public __F__Controller(JdbcTemplate jdbcTemplate) {\n        this.jdbcTemplate = jdbcTemplate;\n    }\n\n",
        ),
    ),
    (
        "sql",
        "r3-jpa-createquery",
        spring(
            """    @GetMapping("/by-email")
    public List<?> byEmail(@RequestParam("email") String __V__) {
        return entityManager.createQuery("SELECT u FROM User u WHERE u.email = '" + __V__ + "'").getResultList();
    }
""",
            "import javax.persistence.EntityManager;\nimport javax.persistence.PersistenceContext;\n",
            "    @PersistenceContext\n    private EntityManager entityManager;\n\n",
        ),
        spring(
            """    @GetMapping("/by-email")
    public List<?> byEmail(@RequestParam("email") String __V__) {
        return entityManager.createQuery("SELECT u FROM User u WHERE u.email = :email")
            .setParameter("email", __V__).getResultList();
    }
""",
            "import javax.persistence.EntityManager;\nimport javax.persistence.PersistenceContext;\n",
            "    @PersistenceContext\n    private EntityManager entityManager;\n\n",
        ),
    ),
    (
        "sql",
        "r3-repository-helper",
        spring(
            """    @GetMapping("/{id}")
    public String find(@PathVariable("id") String __V__) throws java.sql.SQLException {
        return lookup(__V__);
    }

    private String lookup(String id) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT name FROM __T__ WHERE id = " + id)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
""",
            "import javax.sql.DataSource;\n",
            "    private final DataSource dataSource;\n\n    public __F__Controller(DataSource dataSource) {\n        this.dataSource = dataSource;\n    }\n\n",
        ),
        spring(
            """    @GetMapping("/{id}")
    public String find(@PathVariable("id") String __V__) throws java.sql.SQLException {
        return lookup(__V__);
    }

    private String lookup(String id) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT name FROM __T__ WHERE id = ?")) {
            ps.setString(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
""",
            "import javax.sql.DataSource;\n",
            "    private final DataSource dataSource;\n\n    public __F__Controller(DataSource dataSource) {\n        this.dataSource = dataSource;\n    }\n\n",
        ),
    ),
    (
        "command",
        "r3-runtime-exec-ping",
        spring(
            """    @GetMapping("/ping")
    public String ping(@RequestParam String __V__) throws IOException {
        Process p = Runtime.getRuntime().exec("ping -c 2 " + __V__);
        return new String(p.getInputStream().readAllBytes());
    }
"""
        ),
        spring(
            """    @GetMapping("/ping")
    public String ping(@RequestParam String __V__) throws IOException {
        if (!__V__.matches("^[a-zA-Z0-9.-]{1,253}$")) {
            throw new IllegalArgumentException("invalid host");
        }
        Process p = new ProcessBuilder("ping", "-c", "2", __V__).start();
        return new String(p.getInputStream().readAllBytes());
    }
"""
        ),
    ),
    (
        "command",
        "r3-processbuilder-sh-c",
        spring(
            """    @PostMapping("/convert")
    public String convert(@RequestParam("file") String __V__) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "convert /data/" + __V__ + " /data/out.png");
        return "exit " + pb.start().waitFor();
    }
"""
        ),
        spring(
            """    @PostMapping("/convert")
    public String convert(@RequestParam("file") String __V__) throws IOException, InterruptedException {
        String name = Paths.get(__V__).getFileName().toString();
        ProcessBuilder pb = new ProcessBuilder("convert", "/data/" + name, "/data/out.png");
        return "exit " + pb.start().waitFor();
    }
"""
        ),
    ),
    (
        "path",
        "r3-spring-download",
        spring(
            """    private static final Path ROOT = Paths.get("/srv/files");

    @GetMapping("/download")
    public ResponseEntity<byte[]> download(@RequestParam String __V__) throws IOException {
        Path file = ROOT.resolve(__V__);
        return ResponseEntity.ok(Files.readAllBytes(file));
    }
"""
        ),
        spring(
            """    private static final Path ROOT = Paths.get("/srv/files").toAbsolutePath().normalize();

    @GetMapping("/download")
    public ResponseEntity<byte[]> download(@RequestParam String __V__) throws IOException {
        Path file = ROOT.resolve(__V__).normalize();
        if (!file.startsWith(ROOT)) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok(Files.readAllBytes(file));
    }
"""
        ),
    ),
    (
        "path",
        "r3-servlet-fileinputstream",
        servlet(
            """        String __V__ = request.getParameter("report");
        File file = new File("/var/reports/" + __V__);
        try (InputStream in = new FileInputStream(file)) {
            in.transferTo(response.getOutputStream());
        }
"""
        ),
        servlet(
            """        String __V__ = request.getParameter("report");
        if (__V__ == null || !__V__.matches("[A-Za-z0-9_-]+\\\\.pdf")) {
            response.sendError(400);
            return;
        }
        File file = new File("/var/reports/" + __V__);
        try (InputStream in = new FileInputStream(file)) {
            in.transferTo(response.getOutputStream());
        }
"""
        ),
    ),
    (
        "xss",
        "r3-responsebody-html",
        spring(
            """    @GetMapping(value = "/hello", produces = "text/html")
    public String hello(@RequestParam(defaultValue = "guest") String __V__) {
        return "<html><body><h1>Hello, " + __V__ + "!</h1></body></html>";
    }
"""
        ),
        spring(
            """    @GetMapping(value = "/hello", produces = "text/html")
    public String hello(@RequestParam(defaultValue = "guest") String __V__) {
        return "<html><body><h1>Hello, " + HtmlUtils.htmlEscape(__V__) + "!</h1></body></html>";
    }
""",
            "import org.springframework.web.util.HtmlUtils;\n",
        ),
    ),
    (
        "xss",
        "r3-servlet-writer",
        servlet(
            """        String __V__ = request.getParameter("q");
        response.setContentType("text/html");
        PrintWriter out = response.getWriter();
        out.println("<p>You searched for: " + __V__ + "</p>");
"""
        ),
        servlet(
            """        String __V__ = request.getParameter("q");
        response.setContentType("text/html");
        PrintWriter out = response.getWriter();
        out.println("<p>You searched for: " + Encode.forHtml(__V__) + "</p>");
""",
            "import org.owasp.encoder.Encode;\n",
        ),
    ),
    (
        "redirect",
        "r3-servlet-sendredirect",
        servlet(
            """        String __V__ = request.getParameter("continue");
        response.sendRedirect(__V__);
"""
        ),
        servlet(
            """        String __V__ = request.getParameter("continue");
        if (__V__ == null || !__V__.startsWith("/") || __V__.startsWith("//")) {
            __V__ = "/home";
        }
        response.sendRedirect(__V__);
"""
        ),
    ),
    (
        "redirect",
        "r3-spring-redirect-prefix",
        """import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;

@Controller
public class __F__LoginController {
    @PostMapping("/__R__/login")
    public String login(@RequestParam(value = "redirect", defaultValue = "/") String __V__) {
        return "redirect:" + __V__;
    }
}
""",
        """import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.*;

@Controller
public class __F__LoginController {
    private static final Set<String> TARGETS = Set.of("/", "/account", "/orders");

    @PostMapping("/__R__/login")
    public String login(@RequestParam(value = "redirect", defaultValue = "/") String __V__) {
        return "redirect:" + (TARGETS.contains(__V__) ? __V__ : "/");
    }
}
""",
    ),
    (
        "ssrf",
        "r3-resttemplate-fetch",
        spring(
            """    private final RestTemplate rest = new RestTemplate();

    @GetMapping("/fetch")
    public String fetch(@RequestParam String __V__) {
        return rest.getForObject(__V__, String.class);
    }
""",
            "import org.springframework.web.client.RestTemplate;\n",
        ),
        spring(
            """    private final RestTemplate rest = new RestTemplate();
    private static final Set<String> HOSTS = Set.of("api.partner.com");

    @GetMapping("/fetch")
    public String fetch(@RequestParam String __V__) {
        java.net.URI uri = java.net.URI.create(__V__);
        if (!"https".equals(uri.getScheme()) || !HOSTS.contains(uri.getHost())) {
            throw new IllegalArgumentException("host not allowed");
        }
        return rest.getForObject(uri, String.class);
    }
""",
            "import org.springframework.web.client.RestTemplate;\n",
        ),
    ),
    (
        "deserialization",
        "r3-objectinputstream-body",
        spring(
            """    @PostMapping("/import")
    public String importData(HttpServletRequest request) throws Exception {
        try (ObjectInputStream __V__ = new ObjectInputStream(request.getInputStream())) {
            Object data = __V__.readObject();
            return data.toString();
        }
    }
"""
        ),
        spring(
            """    private final ObjectMapper mapper = new ObjectMapper();

    @PostMapping("/import")
    public String importData(HttpServletRequest request) throws Exception {
        ImportRequest __V__ = mapper.readValue(request.getInputStream(), ImportRequest.class);
        return __V__.toString();
    }

    public record ImportRequest(String name, int count) {}
""",
            "import com.fasterxml.jackson.databind.ObjectMapper;\n",
        ),
    ),
    (
        "xxe",
        "r3-documentbuilder-upload",
        spring(
            """    @PostMapping(value = "/xml", consumes = "application/xml")
    public String parse(HttpServletRequest request) throws Exception {
        DocumentBuilderFactory __V__ = DocumentBuilderFactory.newInstance();
        Document doc = __V__.newDocumentBuilder().parse(request.getInputStream());
        return doc.getDocumentElement().getNodeName();
    }
""",
            "import javax.xml.parsers.DocumentBuilderFactory;\nimport org.w3c.dom.Document;\n",
        ),
        spring(
            """    @PostMapping(value = "/xml", consumes = "application/xml")
    public String parse(HttpServletRequest request) throws Exception {
        DocumentBuilderFactory __V__ = DocumentBuilderFactory.newInstance();
        __V__.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        __V__.setExpandEntityReferences(false);
        Document doc = __V__.newDocumentBuilder().parse(request.getInputStream());
        return doc.getDocumentElement().getNodeName();
    }
""",
            "import javax.xml.parsers.DocumentBuilderFactory;\nimport org.w3c.dom.Document;\n",
        ),
    ),
    (
        "ldap",
        "r3-dircontext-search",
        spring(
            """    @GetMapping("/directory")
    public List<String> lookup(@RequestParam String __V__) throws Exception {
        DirContext ctx = new InitialDirContext();
        SearchControls sc = new SearchControls();
        NamingEnumeration<SearchResult> results = ctx.search("ou=people,dc=corp", "(cn=" + __V__ + ")", sc);
        List<String> names = new ArrayList<>();
        while (results.hasMore()) {
            names.add(results.next().getName());
        }
        return names;
    }
""",
            "import javax.naming.NamingEnumeration;\nimport javax.naming.directory.*;\n",
        ),
        spring(
            """    @GetMapping("/directory")
    public List<String> lookup(@RequestParam String __V__) throws Exception {
        DirContext ctx = new InitialDirContext();
        SearchControls sc = new SearchControls();
        NamingEnumeration<SearchResult> results = ctx.search("ou=people,dc=corp", "(cn={0})", new Object[] {__V__}, sc);
        List<String> names = new ArrayList<>();
        while (results.hasMore()) {
            names.add(results.next().getName());
        }
        return names;
    }
""",
            "import javax.naming.NamingEnumeration;\nimport javax.naming.directory.*;\n",
        ),
    ),
    (
        "xpath",
        "r3-xpath-evaluate",
        spring(
            """    @GetMapping("/role")
    public String role(@RequestParam String __V__) throws Exception {
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder().parse(new File("users.xml"));
        XPath xpath = XPathFactory.newInstance().newXPath();
        return xpath.evaluate("/users/user[@name='" + __V__ + "']/@role", doc);
    }
""",
            "import javax.xml.xpath.*;\n",
        ),
        spring(
            """    @GetMapping("/role")
    public String role(@RequestParam String __V__) throws Exception {
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder().parse(new File("users.xml"));
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setXPathVariableResolver(q -> "name".equals(q.getLocalPart()) ? __V__ : null);
        return xpath.evaluate("/users/user[@name=$name]/@role", doc);
    }
""",
            "import javax.xml.xpath.*;\n",
        ),
    ),
    (
        "weak-hash",
        "r3-messagedigest-md5-password",
        """import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

public class __F__PasswordService {
    public String hash(String __V__) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        byte[] digest = md.digest(__V__.getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, digest).toString(16);
    }
}
""",
        """import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

public class __F__PasswordService {
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);

    public String hash(String __V__) {
        return encoder.encode(__V__);
    }
}
""",
    ),
    (
        "weak-random",
        "r3-random-reset-token",
        """import java.util.Random;

public class __F__TokenService {
    private static final String CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public String resetToken() {
        Random __V__ = new Random();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sb.append(CHARS.charAt(__V__.nextInt(CHARS.length())));
        }
        return sb.toString();
    }
}
""",
        """import java.security.SecureRandom;

public class __F__TokenService {
    private static final String CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public String resetToken() {
        SecureRandom __V__ = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sb.append(CHARS.charAt(__V__.nextInt(CHARS.length())));
        }
        return sb.toString();
    }
}
""",
    ),
    (
        "cookie",
        "r3-servlet-cookie-flags",
        servlet(
            """        String __V__ = UUID.randomUUID().toString();
        Cookie cookie = new Cookie("SESSION", __V__);
        cookie.setPath("/");
        response.addCookie(cookie);
"""
        ),
        servlet(
            """        String __V__ = UUID.randomUUID().toString();
        Cookie cookie = new Cookie("SESSION", __V__);
        cookie.setPath("/");
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
"""
        ),
    ),
    (
        "session",
        "r3-session-setattribute",
        servlet(
            """        String __V__ = request.getParameter("tenant");
        request.getSession().setAttribute("tenant", __V__);
        response.getWriter().println("ok");
"""
        ),
        servlet(
            """        String __V__ = request.getParameter("tenant");
        Set<String> allowed = Set.of("acme", "globex");
        request.getSession().setAttribute("tenant", allowed.contains(__V__) ? __V__ : "acme");
        response.getWriter().println("ok");
"""
        ),
    ),
    (
        "log",
        "r3-slf4j-login",
        spring(
            """    private static final Logger log = LoggerFactory.getLogger(__F__Controller.class);

    @PostMapping("/login")
    public ResponseEntity<Void> login(@RequestParam String __V__) {
        log.info("Failed login for user: " + __V__);
        return ResponseEntity.status(401).build();
    }
""",
            "import org.slf4j.Logger;\nimport org.slf4j.LoggerFactory;\n",
        ),
        spring(
            """    private static final Logger log = LoggerFactory.getLogger(__F__Controller.class);

    @PostMapping("/login")
    public ResponseEntity<Void> login(@RequestParam String __V__) {
        String clean = __V__.replaceAll("[\\\\r\\\\n]", "_");
        log.info("Failed login for user: " + clean);
        return ResponseEntity.status(401).build();
    }
""",
            "import org.slf4j.Logger;\nimport org.slf4j.LoggerFactory;\n",
        ),
    ),
    (
        "header",
        "r3-servlet-setheader",
        servlet(
            """        String __V__ = request.getParameter("lang");
        response.setHeader("Content-Language", __V__);
        response.getWriter().println("ok");
"""
        ),
        servlet(
            """        String __V__ = request.getParameter("lang");
        if (__V__ == null || !__V__.matches("[a-z]{2}(-[A-Z]{2})?")) {
            __V__ = "en";
        }
        response.setHeader("Content-Language", __V__);
        response.getWriter().println("ok");
"""
        ),
    ),
    (
        "error-disclosure",
        "r3-exception-handler-stacktrace",
        """import java.io.PrintWriter;
import java.io.StringWriter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestControllerAdvice
public class __F__ErrorHandler {
    @ExceptionHandler(Exception.class)
    public ResponseEntity<String> handle(Exception __V__) {
        StringWriter sw = new StringWriter();
        __V__.printStackTrace(new PrintWriter(sw));
        return ResponseEntity.status(500).body(sw.toString());
    }
}
""",
        """import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestControllerAdvice
public class __F__ErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(__F__ErrorHandler.class);

    @ExceptionHandler(Exception.class)
    public ResponseEntity<String> handle(Exception __V__) {
        log.error("unhandled error", __V__);
        return ResponseEntity.status(500).body("Internal server error");
    }
}
""",
    ),
    (
        "regex",
        "r3-pattern-compile-param",
        spring(
            """    private final List<String> names = List.of("alice", "bob");

    @GetMapping("/filter")
    public List<String> filter(@RequestParam String __V__) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(__V__);
        return names.stream().filter(n -> p.matcher(n).find()).toList();
    }
"""
        ),
        spring(
            """    private final List<String> names = List.of("alice", "bob");

    @GetMapping("/filter")
    public List<String> filter(@RequestParam String __V__) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(__V__));
        return names.stream().filter(n -> p.matcher(n).find()).toList();
    }
"""
        ),
    ),
    (
        "upload",
        "r3-multipart-transferto",
        spring(
            """    @PostMapping("/upload")
    public String upload(@RequestParam("file") MultipartFile __V__) throws IOException {
        File dest = new File("/var/www/uploads/" + __V__.getOriginalFilename());
        __V__.transferTo(dest);
        return "stored";
    }
""",
            "import org.springframework.web.multipart.MultipartFile;\n",
        ),
        spring(
            """    private static final Set<String> TYPES = Set.of("image/png", "image/jpeg");

    @PostMapping("/upload")
    public String upload(@RequestParam("file") MultipartFile __V__) throws IOException {
        if (!TYPES.contains(__V__.getContentType())) {
            throw new IllegalArgumentException("type");
        }
        File dest = new File("/var/www/uploads/" + UUID.randomUUID() + ".img");
        __V__.transferTo(dest);
        return "stored";
    }
""",
            "import org.springframework.web.multipart.MultipartFile;\n",
        ),
    ),
]


def _java(text: str) -> str:
    for token in "VFRT":
        text = text.replace(f"__{token}__", "{" + token + "}")
    return text


SCENARIOS: list[tuple[str, str, str, str]] = [
    (category, name, _java(vulnerable), _java(safe)) for category, name, vulnerable, safe in _RAW
]
