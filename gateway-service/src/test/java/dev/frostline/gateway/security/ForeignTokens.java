package dev.frostline.gateway.security;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;

import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Access tokens built claim by claim, so each can be wrong in exactly one way. Signed with the
 * test key of test-support (whose public half the stub identity publishes) unless stated.
 */
public final class ForeignTokens {

    public static final String TEST_KID = "frostline-test-key";
    private static final PrivateKey TEST_KEY = testKey();

    private ForeignTokens() {
    }

    /** The claims of a valid Frostline access token for a new user of a new org, 5 minutes long. */
    public static Map<String, Object> validClaims() {
        return claimsFor(UUID.randomUUID(), Instant.now());
    }

    public static Map<String, Object> claimsFor(UUID user, Instant issuedAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TestTokens.ISSUER);
        claims.put("aud", TestTokens.AUDIENCE);
        claims.put("sub", user.toString());
        claims.put("upn", user + "@test.frostline");
        claims.put("email", user + "@test.frostline");
        claims.put("org", UUID.randomUUID().toString());
        claims.put("role", Role.OWNER.claimValue());
        claims.put("groups", List.copyOf(Role.OWNER.impliedClaimValues()));
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(Duration.ofMinutes(5)).getEpochSecond());
        return claims;
    }

    /** RS256 with the test key, as identity signs. */
    public static String signed(Map<String, Object> claims) {
        return rs256(claims, TEST_KID, TEST_KEY);
    }

    public static String expired() {
        // Well past the verifier's clock skew.
        return TestTokens.token(UUID.randomUUID(), UUID.randomUUID(), Role.OWNER, Duration.ofMinutes(-10));
    }

    public static String fromIssuer(String issuer) {
        Map<String, Object> claims = validClaims();
        claims.put("iss", issuer);
        return signed(claims);
    }

    /** The right kid and issuer, signed by someone else's key. */
    public static String forged() {
        return rs256(validClaims(), TEST_KID, newKey());
    }

    public static String withUnknownKid() {
        return rs256(validClaims(), "kid-nobody-published", TEST_KEY);
    }

    public static String withClaim(String name, Object value) {
        Map<String, Object> claims = validClaims();
        claims.put(name, value);
        return signed(claims);
    }

    public static String withoutClaim(String name) {
        Map<String, Object> claims = validClaims();
        claims.remove(name);
        return signed(claims);
    }

    private static final PrivateKey EXTERNAL_KEY = newKey();

    /**
     * An access token of the external issuer the stub identity exchanges, signed with that issuer's
     * own key, shaped like Supabase Auth's; {@code extra} claims are added (for the stub's switches).
     */
    public static String external(String subject, Map<String, Object> extra) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", dev.frostline.gateway.stubs.IdentityStub.EXTERNAL_ISSUER);
        claims.put("aud", "authenticated");
        claims.put("sub", subject);
        claims.put("email", subject + "@external.test");
        claims.put("role", "authenticated");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofMinutes(10)).getEpochSecond());
        claims.putAll(extra);
        return rs256(claims, "external-key-1", EXTERNAL_KEY);
    }

    /** {"alg":"none"} and an empty signature, with otherwise perfect claims. */
    public static String unsigned() {
        return encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(validClaims()) + ".";
    }

    /** HS256 over perfect claims, keyed with {@code secret} (the classic RSA/HMAC confusion). */
    public static String hs256(byte[] secret) {
        String signingInput = encode(Map.of("alg", "HS256", "typ", "JWT", "kid", TEST_KID)) + "." + encode(validClaims());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every form in which an attacker could take the published public key as an HMAC secret. */
    public static Map<String, byte[]> publicKeyAsSecrets() {
        PublicJsonWebKey jwk = testJwk();
        PublicKey key = jwk.getPublicKey();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        secrets.put("DER", key.getEncoded());
        secrets.put("PEM", pem.getBytes(StandardCharsets.US_ASCII));
        secrets.put("JWK n", ((String) jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).get("n"))
                .getBytes(StandardCharsets.US_ASCII));
        secrets.put("JWK JSON", jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).getBytes(StandardCharsets.UTF_8));
        return secrets;
    }

    /** A valid token whose payload was then changed (another org, owner role); the signature is the original's. */
    public static String tampered() {
        String original = signed(validClaims());
        String[] parts = original.split("\\.");
        Map<String, Object> claims;
        try {
            claims = new LinkedHashMap<>(JsonUtil.parseJson(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
        claims.put("org", UUID.randomUUID().toString());
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    static String rs256(Map<String, Object> claims, String kid, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(JsonUtil.toJson(claims));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey newKey() {
        return newKeyPair().getPrivate();
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWKS identity publishes after rotating {@code key} in: the test key and that one. */
    public static String jwksWithTestKeyAnd(String kid, PublicKey key) {
        try {
            PublicJsonWebKey rotated = PublicJsonWebKey.Factory.newPublicJwk(key);
            rotated.setKeyId(kid);
            rotated.setUse("sig");
            rotated.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            return new JsonWebKeySet(testJwk(), rotated).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, ?> json) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JsonUtil.toJson(json).getBytes(StandardCharsets.UTF_8));
    }

    private static PublicJsonWebKey testJwk() {
        try (InputStream in = ForeignTokens.class.getClassLoader().getResourceAsStream("frostline-test-jwks.json")) {
            JsonWebKeySet set = new JsonWebKeySet(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (PublicJsonWebKey) set.getJsonWebKeys().get(0);
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("test JWKS unreadable", e);
        }
    }

    private static PrivateKey testKey() {
        try (InputStream in = ForeignTokens.class.getClassLoader().getResourceAsStream("frostline-test-private-key.pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException("test signing key unreadable", e);
        }
    }
}
