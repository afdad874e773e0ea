import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

public class Prefs {
    public void save(HttpServletRequest request) {
        HttpSession session = request.getSession();
        session.setAttribute("theme", request.getParameter("theme"));
        session.setAttribute(request.getParameter("key"), "on");
        request.getSession().putValue("role", request.getHeader("X-Role"));
    }
}
