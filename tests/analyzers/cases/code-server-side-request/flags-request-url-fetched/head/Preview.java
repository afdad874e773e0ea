import java.net.URI;
import java.net.URL;

class Preview {
    Object fetch(javax.servlet.http.HttpServletRequest request) throws Exception {
        URL url = new URL(request.getParameter("url"));
        URI hook = URI.create(request.getParameter("hook"));
        String target = request.getHeader("X-Target");
        return restTemplate.getForObject(target, String.class);
    }
}
