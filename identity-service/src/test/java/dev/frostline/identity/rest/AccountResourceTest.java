package dev.frostline.identity.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountResourceTest {

    static final String PASSWORD = "correct horse battery";

    static Response signUp(String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "organizationName", "Cold Foods " + email))
                .post("/api/identity/signup");
    }

    static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void signUpCreatesOwnerAndReturnsAVerifiableToken() {
        String email = uniqueEmail();
        Response created = signUp(email);
        created.then().statusCode(201).body("role", equalTo("owner")).body("tokenType", equalTo("Bearer"));
        String token = created.path("accessToken");

        given().auth().oauth2(token).get("/api/identity/me").then().statusCode(200)
                .body("email", equalTo(email))
                .body("orgId", equalTo(created.path("orgId")))
                .body("role", equalTo("owner"));
    }

    @Test
    void tokenIsSignedWithAKeyPublishedInTheJwks() {
        String token = signUp(uniqueEmail()).path("accessToken");
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        String kid = header.replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");

        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", hasItem(kid))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"));
        assertThat(header).contains("RS256");
    }

    @Test
    void emailIsNormalizedAndUniqueSoASecondSignupIsAConflict() {
        String email = uniqueEmail();
        signUp(email).then().statusCode(201);

        signUp("  " + email.toUpperCase() + " ").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:email-taken"));
    }

    @Test
    void passwordsShorterThanTheMinimumOrLongerThanBcryptReadsAreRefused() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", uniqueEmail(), "password", "short", "organizationName", "Org"))
                .post("/api/identity/signup").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:validation-failed"));

        String email = uniqueEmail();
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "é".repeat(32) + "x", "organizationName", "Org"))
                .post("/api/identity/signup").then().statusCode(400)
                .body("detail", equalTo("password must be at most 64 bytes in UTF-8"));
        // Nothing was stored: the same email can still sign up.
        signUp(email).then().statusCode(201);
    }

    @Test
    void malformedJsonAndUnknownFieldsAreProblems() {
        given().contentType(ContentType.JSON).body("{\"email\": ")
                .post("/api/identity/signup").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:malformed-request"));

        given().contentType(ContentType.JSON)
                .body(Map.of("email", uniqueEmail(), "password", PASSWORD, "organizationName", "Org", "isAdmin", true))
                .post("/api/identity/signup").then().statusCode(400)
                .body("type", equalTo("urn:frostline:problem:validation-failed"))
                .body("detail", org.hamcrest.Matchers.containsString("isAdmin"));
    }

    @Test
    void loginWorksAndUnknownEmailLooksLikeAWrongPassword() {
        String email = uniqueEmail();
        signUp(email);

        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/api/identity/token").then().statusCode(200).body("accessToken", notNullValue());

        Response wrongPassword = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "not the password")).post("/api/identity/token");
        Response unknownEmail = given().contentType(ContentType.JSON)
                .body(Map.of("email", uniqueEmail(), "password", "not the password")).post("/api/identity/token");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownEmail.statusCode()).isEqualTo(401);
        assertThat(unknownEmail.body().asString()).isEqualTo(wrongPassword.body().asString());
    }

    @Test
    void missingOrForgedTokenIs401Problem() {
        given().get("/api/identity/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:unauthenticated"));
        given().auth().oauth2(dev.frostline.testing.TestTokens.newOrgToken(dev.frostline.contracts.Role.OWNER))
                .get("/api/identity/me").then().statusCode(401);
    }
}
