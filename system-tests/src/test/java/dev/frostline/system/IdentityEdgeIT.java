package dev.frostline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * identity and the gateway working together on the real platform: contracts that each side's own
 * tests can only check against a stand-in (the revocation feed, the token exchange, the merged API
 * documents, mail through the outbox).
 */
class IdentityEdgeIT {

    /** The issuer deploy/local/e2e.env configures for identity during ./frostline test. */
    private static final String EXTERNAL_ISSUER = "https://issuer.e2e.frostline.test";
    private static final int EXTERNAL_JWKS_PORT = 18999;
    private static final String MAIL_API = System.getProperty("frostline.mail.api.url", "http://127.0.0.1:8025");

    private static HttpServer jwksServer;
    private static RsaJsonWebKey externalKey;

    @BeforeAll
    static void playTheExternalIssuer() throws IOException, JoseException {
        externalKey = RsaJwkGenerator.generateJwk(2048);
        externalKey.setKeyId("e2e-" + UUID.randomUUID());
        byte[] jwks = new JsonWebKeySet(externalKey).toJson().getBytes(StandardCharsets.UTF_8);
        jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", EXTERNAL_JWKS_PORT), 0);
        jwksServer.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        jwksServer.start();
    }

    @AfterAll
    static void stopPlaying() {
        jwksServer.stop(0);
    }

    @Test
    void aDeletedUsersUnexpiredTokenIsRefusedByIdentityAndAtTheEdge() {
        String email = "leaver-" + UUID.randomUUID() + "@example.com";
        String token = Gateway.anonymous()
                .body(Map.of("email", email, "password", "a long enough password", "organizationName", "Leaving Ltd"))
                .post("/api/identity/signup").then().statusCode(201).extract().path("accessToken");
        Gateway.as(token).get("/api/catalog/sites").then().statusCode(200);

        Gateway.as(token).body(Map.of("password", "a long enough password")).delete("/api/identity/account")
                .then().statusCode(204);

        Gateway.as(token).get("/api/identity/me").then().statusCode(401);
        // catalog alone would still accept the signature; the gateway learns of the deletion from
        // identity's revocation feed (polled every second in the e2e environment).
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                Gateway.as(token).get("/api/catalog/sites").then().statusCode(401)
                        .contentType(containsString("application/problem+json")));
        Gateway.anonymous().body(Map.of("email", email, "password", "a long enough password"))
                .post("/api/identity/token").then().statusCode(401);
    }

    @Test
    void anotherIssuersTokenIsExchangedAtTheEdgeAndWorksOnEveryService() throws JoseException {
        String externalOrg = "acme-" + UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        String email = "boss-" + subject + "@acme.example";
        String token = externalToken(subject, email, externalOrg, "boss", externalKey);

        Response me = Gateway.as(token).get("/api/identity/me");
        me.then().statusCode(200).body("email", equalTo(email)).body("role", equalTo("admin"));
        String orgId = me.path("orgId");

        // The exchanged token is what reaches catalog: the org was provisioned and the role mapped.
        String site = Gateway.as(token).body(Map.of("name", "External site", "timeZone", "Europe/Madrid"))
                .post("/api/catalog/sites").then().statusCode(201).extract().path("id");
        Gateway.as(token).get("/api/catalog/sites/" + site).then().statusCode(200);

        // A colleague with a lower external role lands in the same org with the mapped role.
        String colleague = externalToken(UUID.randomUUID().toString(), "crew-" + subject + "@acme.example",
                externalOrg, "crew", externalKey);
        Gateway.as(colleague).get("/api/identity/me").then().statusCode(200)
                .body("orgId", equalTo(orgId)).body("role", equalTo("staff"));

        RsaJsonWebKey forger = RsaJwkGenerator.generateJwk(2048);
        forger.setKeyId(externalKey.getKeyId());
        Gateway.as(externalToken(subject, email, externalOrg, "boss", forger)).get("/api/catalog/sites")
                .then().statusCode(401);
    }

    @Test
    void theGatewayServesOneApiDocumentForEveryService() {
        Response merged = Gateway.anonymous().get("/api/docs/openapi.json");
        merged.then().statusCode(200);
        Map<String, Object> paths = merged.path("paths");
        assertThat(paths.keySet())
                .anyMatch(path -> path.startsWith("/api/identity/"))
                .anyMatch(path -> path.startsWith("/api/catalog/"))
                .anyMatch(path -> path.startsWith("/api/telemetry/"))
                .anyMatch(path -> path.startsWith("/api/alerts/"))
                .anyMatch(path -> path.startsWith("/api/storage/"));
        Gateway.anonymous().get("/api/docs").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void anInviteMailedThroughTheOutboxLetsTheInviteeJoin() {
        Tenant owner = Tenant.signUp();
        String invitee = "new-hire-" + UUID.randomUUID() + "@example.com";
        Gateway.as(owner.token).body(Map.of("email", invitee, "role", "staff")).post("/api/identity/invites")
                .then().statusCode(201);

        String inviteToken = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> tokenInLatestMail(invitee), found -> found != null);

        String inviteeToken = Gateway.anonymous()
                .body(Map.of("token", inviteToken, "password", "another long password"))
                .post("/api/identity/invites/accept-signup").then().statusCode(201).extract().path("accessToken");
        Gateway.as(inviteeToken).get("/api/identity/me").then().statusCode(200)
                .body("orgId", equalTo(owner.orgId)).body("role", equalTo("staff"));
        Gateway.as(owner.token).get("/api/identity/members").then().statusCode(200)
                .body("email", hasItem(invitee));
        // Single use.
        Gateway.anonymous().body(Map.of("token", inviteToken, "password", "another long password"))
                .post("/api/identity/invites/accept-signup").then().statusCode(400);
    }

    /** The token in the newest mail the local GreenMail sink holds for that address, or null. */
    private static String tokenInLatestMail(String address) {
        List<Map<String, Object>> messages = RestAssured.given().baseUri(MAIL_API)
                .get("/api/user/" + address + "/messages/").then().statusCode(200).extract().jsonPath().getList("$");
        if (messages.isEmpty()) {
            return null;
        }
        String raw = String.valueOf(messages.get(messages.size() - 1).get("mimeMessage"));
        // The text part may be quoted-printable (soft line breaks, =3D) or base64, depending on the mailer.
        String token = inviteToken(raw.replace("=\r\n", "").replace("=\n", "").replace("=3D", "="));
        for (String chunk : raw.split("\\r?\\n\\r?\\n")) {
            if (token == null && chunk.strip().matches("[A-Za-z0-9+/=\\r\\n]{40,}")) {
                token = inviteToken(new String(Base64.getMimeDecoder().decode(chunk.strip()), StandardCharsets.UTF_8));
            }
        }
        return token;
    }

    private static String inviteToken(String text) {
        Matcher token = Pattern.compile("invite token: ([A-Za-z0-9_-]+)").matcher(text);
        return token.find() ? token.group(1) : null;
    }

    private static String externalToken(String subject, String email, String org, String role, RsaJsonWebKey key)
            throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(EXTERNAL_ISSUER);
        claims.setSubject(subject);
        claims.setClaim("email", email);
        claims.setClaim("app_metadata", Map.of("org_id", org, "role", role));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
