import java.security.SecureRandom;
import java.util.Random;

class Tokens {
    String resetToken() {
        String token = Long.toHexString(new SecureRandom().nextLong());
        int delay = new Random().nextInt(100);
        double jitter = Math.random();
        return token + delay + jitter;
    }
}
