import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

class Trust {
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
    }

    boolean verify(String hostname, javax.net.ssl.SSLSession session) {
        return hostname.equals(expected);
    }

    void install(javax.net.ssl.HttpsURLConnection connection) {
        connection.setHostnameVerifier((hostname, session) -> hostname.endsWith(".example.com"));
    }
}
