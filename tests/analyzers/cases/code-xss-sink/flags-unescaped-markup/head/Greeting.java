import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Greeting {
    public void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.getWriter().println("<p>Hello " + name + "</p>");
        response.getWriter().format("<p>%s</p>", request.getHeader("Referer"));
        StringBuilder page = new StringBuilder("<ul>");
        page.append("<li>").append(request.getParameter("item")).append("</li>");
        response.getWriter().write(page.toString());
    }
}
