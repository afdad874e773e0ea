import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Login {
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect("/home");
        String target = request.getParameter("next");
        if (target.equals("/dashboard")) {
            response.sendRedirect(target);
        }
    }
}
