import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServletRequest;
import org.owasp.esapi.ESAPI;

public class Directory {
    public void people(HttpServletRequest request, DirContext ctx) throws Exception {
        SearchControls controls = new SearchControls();
        String uid = ESAPI.encoder().encodeForLDAP(request.getParameter("uid"));
        ctx.search("ou=people,dc=example,dc=org", "(uid=" + uid + ")", controls);
        ctx.search("ou=people,dc=example,dc=org", "(objectclass=person)", controls);
    }
}
