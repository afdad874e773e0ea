import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.esapi.ESAPI;

public class Greeting {
    public void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.getWriter().println("<p>Hello " + ESAPI.encoder().encodeForHTML(name) + "</p>");
        response.getWriter().println("<p>Hello world</p>");
        response.getWriter().println(org.springframework.web.util.HtmlUtils.htmlEscape(request.getHeader("Referer")));
    }
}
