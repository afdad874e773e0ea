import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

class CryptoUtils {
    void protect(String password) throws Exception {
        byte[] hashedPassword = MessageDigest.getInstance("MD5").digest(password.getBytes());
        Cipher legacy = Cipher.getInstance("DESede/CBC/PKCS5Padding");
        Cipher table = Cipher.getInstance("AES");
        IvParameterSpec iv = new IvParameterSpec("0000000000000000".getBytes());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
    }
}
