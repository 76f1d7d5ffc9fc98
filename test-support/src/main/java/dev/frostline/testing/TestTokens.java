package dev.frostline.testing;

import dev.frostline.contracts.Role;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.UUID;

/**
 * Mints access tokens shaped exactly like identity-service's, signed with the test key whose public
 * half is {@code frostline-test-jwks.json}. Services under @QuarkusTest verify against that JWKS.
 */
public final class TestTokens {

    public static final String ISSUER = "frostline";
    public static final String AUDIENCE = "frostline";
    private static final PrivateKey KEY = load();

    private TestTokens() {
    }

    public static String token(UUID userId, UUID orgId, Role role) {
        return token(userId, orgId, role, Duration.ofMinutes(15));
    }

    public static String token(UUID userId, UUID orgId, Role role, Duration lifetime) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId.toString())
                .upn(userId + "@test.frostline")
                .claim("email", userId + "@test.frostline")
                .claim("org", orgId.toString())
                .claim("role", role.claimValue())
                .groups(role.impliedClaimValues())
                .expiresIn(lifetime)
                .jws().keyId("frostline-test-key")
                .sign(KEY);
    }

    /** A caller of a fresh org, for tests that need their own tenant. */
    public static String newOrgToken(Role role) {
        return token(UUID.randomUUID(), UUID.randomUUID(), role);
    }

    private static PrivateKey load() {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream("frostline-test-private-key.pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("test signing key unreadable", e);
        }
    }
}
