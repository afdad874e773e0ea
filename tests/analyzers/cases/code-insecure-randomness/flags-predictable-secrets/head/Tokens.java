import java.util.Random;

class Tokens {
    String resetToken() {
        String token = Long.toHexString(new Random().nextLong());
        this.sessionKey = Math.random() + "";
        return token;
    }

    String generatePassword() {
        return RandomStringUtils.randomAlphanumeric(12);
    }
}
