import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

public class Prefs {
    public void save(HttpServletRequest request) {
        HttpSession session = request.getSession();
        session.setAttribute("visits", 1);
        String theme = request.getParameter("theme");
        if (theme.equals("dark")) {
            session.setAttribute("theme", theme);
        }
    }
}
