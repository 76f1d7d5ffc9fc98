package dev.frostline.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The shape of a device API key, {@code flk_<prefix>_<secret>}, and how it is hashed. identity
 * mints keys and telemetry checks them; both go through this class so they can never disagree.
 */
public final class ApiKeyFormat {

    public static final String SCHEME = "flk";
    public static final int PREFIX_LENGTH = 10;
    public static final int SECRET_LENGTH = 33;
    /** The HTTP header devices send the key in. */
    public static final String HEADER = "X-API-Key";

    private ApiKeyFormat() {
    }

    public static String compose(String prefix, String secret) {
        return SCHEME + "_" + prefix + "_" + secret;
    }

    /** The prefix of a well-formed key, or empty for anything else. */
    public static Optional<String> prefixOf(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String[] parts = key.split("_", -1);
        if (parts.length != 3 || !SCHEME.equals(parts[0]) || parts[1].length() != PREFIX_LENGTH
                || parts[2].length() != SECRET_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    /** Lower-case hex SHA-256 of the whole key. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** Compares a presented key with a stored hash in time independent of where they differ. */
    public static boolean matches(String key, String storedHash) {
        return MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
