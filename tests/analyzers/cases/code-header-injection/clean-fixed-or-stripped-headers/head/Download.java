import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Download {
    public void send(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Type", "text/plain");
        int size = Integer.parseInt(request.getParameter("size"));
        response.setHeader("X-Size", String.valueOf(size));
    }
}
