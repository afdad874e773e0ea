import java.io.File;
import java.nio.file.Paths;

class Files2 {
    File download(javax.servlet.http.HttpServletRequest request, String name) throws Exception {
        File base = new File("/srv/uploads");
        File chosen = new File(base, name);
        Paths.get("/srv/static", "index.html");
        return new File(base, Integer.parseInt(request.getParameter("id")) + ".pdf");
    }
}
