import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Login {
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getParameter("next"));
        String target = request.getHeader("X-Return-To");
        response.sendRedirect(target);
        response.sendRedirect("/home?from=" + request.getParameter("from"));
    }
}
