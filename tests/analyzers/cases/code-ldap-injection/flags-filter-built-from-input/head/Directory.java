import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServletRequest;

public class Directory {
    public void people(HttpServletRequest request, DirContext ctx) throws Exception {
        SearchControls controls = new SearchControls();
        String uid = request.getParameter("uid");
        ctx.search("ou=people,dc=example,dc=org", "(uid=" + uid + ")", controls);
        ctx.search("ou=people,dc=example,dc=org", "(&(objectclass=person)(mail=" + request.getHeader("X-Mail") + "))", controls);
        String base = "ou=" + request.getParameter("unit") + ",dc=example,dc=org";
        ctx.search(base, "(objectclass=person)", controls);
    }
}
