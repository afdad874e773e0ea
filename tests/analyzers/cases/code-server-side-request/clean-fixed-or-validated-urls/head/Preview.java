import java.net.URI;
import java.net.URL;

class Preview {
    Object fetch(String target) throws Exception {
        URL url = new URL("https://status.example.com/health");
        URI hook = URI.create(target);
        return restTemplate.getForObject("https://api.example.com/items", String.class);
    }
}
