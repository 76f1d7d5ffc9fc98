package dev.frostline.identity.apikey;

import dev.frostline.contracts.ApiKeyFormat;
import java.security.SecureRandom;

/**
 * A freshly generated device key: {@code flk_<prefix>_<secret>}. The prefix is public (it is
 * listed and used for lookup); the secret part has 190 bits of entropy, which is why a fast
 * SHA-256 is a sound way to store it where a password would need bcrypt.
 */
public record ApiKeySecret(String prefix, String key) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    public static ApiKeySecret generate() {
        String prefix = random(ApiKeyFormat.PREFIX_LENGTH);
        return new ApiKeySecret(prefix, ApiKeyFormat.compose(prefix, random(ApiKeyFormat.SECRET_LENGTH)));
    }

    public String hash() {
        return ApiKeyFormat.hash(key);
    }

    private static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
