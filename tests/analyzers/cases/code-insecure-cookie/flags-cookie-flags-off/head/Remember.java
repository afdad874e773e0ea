import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

public class Remember {
    public void remember(HttpServletResponse response) {
        Cookie remember = new Cookie("remember", "1");
        remember.setSecure(false);
        remember.setHttpOnly(false);
        Cookie theme = new Cookie("theme", "dark");
        theme.setSecure(false);
        response.addCookie(remember);
        response.addCookie(theme);
        response.addCookie(new Cookie("sid", "abc"));
    }
}
