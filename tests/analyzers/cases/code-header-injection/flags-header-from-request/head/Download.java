import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Download {
    public void send(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Disposition", "attachment; filename=" + request.getParameter("name"));
        response.addHeader("X-Request-Id", request.getHeader("X-Request-Id"));
        String trace = request.getParameter("trace");
        response.setHeader("X-Trace", trace);
    }
}
