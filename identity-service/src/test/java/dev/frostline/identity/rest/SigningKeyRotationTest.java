package dev.frostline.identity.rest;

import static dev.frostline.identity.rest.AccountResourceTest.PASSWORD;
import static dev.frostline.identity.rest.AccountResourceTest.signUp;
import static dev.frostline.identity.rest.AccountResourceTest.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real time with short lifetimes, not the movable clock: key timestamps outlive the test run in the
 * database, and a key stamped in a moved clock's future would confuse the next run.
 */
@QuarkusTest
@TestProfile(SigningKeyRotationTest.ShortKeyLifetimes.class)
class SigningKeyRotationTest {

    public static class ShortKeyLifetimes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "frostline.identity.access-token-ttl", "PT30S",
                    "frostline.identity.signing.propagation-delay", "PT10S",
                    "frostline.identity.signing.retirement-leeway", "PT1S",
                    "frostline.identity.signing.retirement-check-interval", "1s");
        }
    }

    @Inject
    AgroalDataSource db;

    static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static List<String> publishedKids() {
        return given().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys.kid");
    }

    private static String login(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/api/identity/token").then().statusCode(200).extract().path("accessToken");
    }

    private static Response keys() {
        return given().header("Authorization", AccountDeletionTest.OPERATOR).get("/internal/identity/signing-keys");
    }

    private static String stateOf(String kid) {
        return keys().then().statusCode(200).extract().path("find { it.kid == '" + kid + "' }.state");
    }

    @Test
    void aNewKeyIsPublishedFirstSignsAfterTheDelayAndTheOldOneIsRetiredAfterItsTokensExpired() throws SQLException {
        String email = uniqueEmail();
        String oldToken = signUp(email).path("accessToken");
        String oldKid = kid(oldToken);

        Response rotated = given().header("Authorization", AccountDeletionTest.OPERATOR)
                .post("/internal/identity/signing-keys/rotate");
        rotated.then().statusCode(201).body("state", equalTo("pending"));
        String newKid = rotated.path("kid");

        assertThat(publishedKids()).contains(oldKid, newKid);
        assertThat(storedPrivateKey(newKid)).startsWith("enc:v1:").doesNotContain("PRIVATE KEY");
        assertThat(kid(login(email))).isEqualTo(oldKid);
        assertThat(stateOf(oldKid)).isEqualTo("current");

        await().atMost(Duration.ofSeconds(30)).until(() -> kid(login(email)).equals(newKid));

        String newToken = login(email);
        given().auth().oauth2(newToken).get("/api/identity/me").then().statusCode(200);
        given().auth().oauth2(oldToken).get("/api/identity/me").then().statusCode(200);
        assertThat(stateOf(newKid)).isEqualTo("current");
        assertThat(stateOf(oldKid)).isEqualTo("previous");
        assertThat(publishedKids()).contains(oldKid, newKid);

        await().atMost(Duration.ofSeconds(90)).until(() -> !publishedKids().contains(oldKid));
        assertThat(publishedKids()).contains(newKid);
        assertThat(stateOf(oldKid)).isEqualTo("retired");
    }

    private String storedPrivateKey(String kid) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select private_key_pem from signing_keys where kid = ?")) {
            s.setString(1, kid);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void theOperatorEndpointsNeedTheOperatorToken() {
        given().post("/internal/identity/signing-keys/rotate").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:unauthenticated"));
        given().header("Authorization", "Bearer not-the-token").get("/internal/identity/signing-keys").then()
                .statusCode(401);
    }
}
