import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

public class Remember {
    public void remember(HttpServletResponse response) {
        Cookie remember = new Cookie("remember", "1");
        remember.setSecure(true);
        remember.setHttpOnly(true);
        response.addCookie(remember);
    }
}
