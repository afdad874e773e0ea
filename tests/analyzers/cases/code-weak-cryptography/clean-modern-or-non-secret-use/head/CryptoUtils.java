import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

class CryptoUtils {
    void protect(byte[] file, byte[] iv) throws Exception {
        byte[] checksum = MessageDigest.getInstance("SHA-256").digest(file);
        Cipher sealed = Cipher.getInstance("AES/GCM/NoPadding");
        IvParameterSpec spec = new IvParameterSpec(iv);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
    }
}
