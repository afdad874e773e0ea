import java.io.File;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Paths;

class Files2 {
    byte[] download(javax.servlet.http.HttpServletRequest request) throws Exception {
        File file = new File("/srv/uploads", request.getParameter("name"));
        FileInputStream in = new FileInputStream("/srv/reports/" + request.getParameter("report"));
        String id = request.getHeader("X-Doc");
        return Files.readAllBytes(Paths.get("/srv/docs", id));
    }
}
