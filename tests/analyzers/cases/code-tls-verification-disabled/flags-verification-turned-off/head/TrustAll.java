import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.X509TrustManager;

class TrustAll implements X509TrustManager {
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }

    static void install(HttpsURLConnection connection) {
        connection.setHostnameVerifier((hostname, session) -> true);
        clientBuilder.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
    }
}
