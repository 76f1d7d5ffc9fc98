package dev.frostline.identity.refresh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An opaque refresh token: 256 random bits, base64url. With that much entropy a fast SHA-256 is a
 * sound way to store it (nothing to brute-force), where a password would need bcrypt.
 */
public final class RefreshTokenSecret {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private RefreshTokenSecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the token as presented: the only form that is stored and looked up. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
