package dev.frostline.identity.external;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * An external identity provider for tests: its own key pairs, its JWKS served over real HTTP by a
 * Vert.x server, and tokens minted with smallrye-jwt-build.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String JWKS_PATH = "/jwks.json";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final String rsaKid;
    private final String ecKid;

    public TestIssuer(int port) throws Exception {
        rsaKid = publish(rsa());
        ecKid = publish(ec());
        server = vertx.createHttpServer()
                .requestHandler(request -> {
                    if (!request.path().equals(JWKS_PATH)) {
                        request.response().setStatusCode(404).end();
                        return;
                    }
                    request.response().putHeader("Content-Type", "application/json").end(jwks());
                })
                .listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String rsaKid() {
        return rsaKid;
    }

    public String ecKid() {
        return ecKid;
    }

    /** A new RSA key, in the JWKS from now on: the issuer rotated its keys. */
    public String rotate() throws Exception {
        return publish(rsa());
    }

    /** An RSA key the JWKS never shows: a forger's. */
    public KeyPair unpublishedKey() throws Exception {
        return rsa();
    }

    /** The claims a Supabase-like access token carries. */
    public static JwtClaimsBuilder claims(String issuer, String subject, String email, String orgId, String role) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .audience(ExternalIssuerConfig.AUDIENCE)
                .subject(subject)
                .claim("email", email)
                .claim("app_metadata", role == null ? Map.of("org_id", orgId) : Map.of("org_id", orgId, "role", role))
                .expiresIn(600);
        return claims;
    }

    public String signRs256(JwtClaimsBuilder claims) {
        return signRs256(claims, rsaKid, keys.get(rsaKid));
    }

    public String signRs256(JwtClaimsBuilder claims, String kid, KeyPair key) {
        return claims.jws().keyId(kid).algorithm(SignatureAlgorithm.RS256).sign(key.getPrivate());
    }

    public String signWithKid(JwtClaimsBuilder claims, String kid) {
        return signRs256(claims, kid, keys.get(kid));
    }

    public String signEs256(JwtClaimsBuilder claims) {
        return claims.jws().keyId(ecKid).algorithm(SignatureAlgorithm.ES256).sign(keys.get(ecKid).getPrivate());
    }

    private String publish(KeyPair pair) {
        String kid = UUID.randomUUID().toString();
        keys.put(kid, pair);
        published.add(kid);
        return kid;
    }

    private String jwks() {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < published.size(); i++) {
            try {
                String kid = published.get(i);
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(keys.get(kid).getPublic());
                jwk.setKeyId(kid);
                jwk.setUse("sig");
                json.append(i == 0 ? "" : ",").append(jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return json.append("]}").toString();
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
