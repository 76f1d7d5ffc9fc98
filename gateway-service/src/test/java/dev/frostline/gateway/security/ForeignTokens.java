package dev.frostline.gateway.security;

import dev.frostline.testing.TestTokens;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.UUID;

/** Tokens the gateway must refuse, each wrong in exactly one way. */
public final class ForeignTokens {

    private ForeignTokens() {
    }

    public static String expired() {
        // Well past the verifier's default 60 s clock skew.
        return TestTokens.token(UUID.randomUUID(), UUID.randomUUID(), dev.frostline.contracts.Role.OWNER,
                Duration.ofMinutes(-10));
    }

    public static String fromIssuer(String issuer) {
        return signed(issuer, "frostline-test-key", testKey());
    }

    /** The right kid and issuer, signed by someone else's key. */
    public static String forged() {
        return signed(TestTokens.ISSUER, "frostline-test-key", otherKey());
    }

    public static String withUnknownKid() {
        return signed(TestTokens.ISSUER, "kid-nobody-published", testKey());
    }

    private static String signed(String issuer, String kid, PrivateKey key) {
        UUID user = UUID.randomUUID();
        return Jwt.issuer(issuer)
                .subject(user.toString())
                .upn(user + "@test.frostline")
                .claim("org", UUID.randomUUID().toString())
                .claim("role", "owner")
                .expiresIn(Duration.ofMinutes(5))
                .jws().keyId(kid)
                .sign(key);
    }

    private static PrivateKey testKey() {
        try (InputStream in = ForeignTokens.class.getClassLoader().getResourceAsStream("frostline-test-private-key.pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("test signing key unreadable", e);
        }
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
