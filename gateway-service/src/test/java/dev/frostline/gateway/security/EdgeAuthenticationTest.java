package dev.frostline.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.frostline.contracts.Role;
import dev.frostline.gateway.stubs.UpstreamStubs;
import dev.frostline.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EdgeAuthenticationTest {

    static final String PROTECTED = "/api/catalog/sites";

    static ValidatableResponse assertUnauthenticatedProblem(ValidatableResponse response) {
        return response.statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Upstream-Area", (String) null)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:unauthenticated"))
                .body("status", equalTo(401))
                .body("instance", equalTo(PROTECTED));
    }

    @Test
    void missingTokenIsRefusedWithAProblem() {
        assertUnauthenticatedProblem(given().get(PROTECTED).then())
                .body("detail", equalTo("A bearer access token is required."));
    }

    @Test
    void garbageTokenIsRefused() {
        assertUnauthenticatedProblem(given().auth().oauth2("not-a-jwt").get(PROTECTED).then());
        assertUnauthenticatedProblem(given().auth().oauth2("eyJhbGciOiJub25lIn0.e30.").get(PROTECTED).then());
        assertUnauthenticatedProblem(given().header("Authorization", "Basic dXNlcjpwYXNz").get(PROTECTED).then());
    }

    @Test
    void validTokenPassesAndIsForwardedUnchanged() {
        String token = TestTokens.newOrgToken(Role.VIEWER);
        given().auth().oauth2(token).get(PROTECTED)
                .then().statusCode(200)
                .body("headers.authorization[0]", equalTo("Bearer " + token));
    }

    @Test
    void publicEndpointIsPublicForItsMethodOnly() {
        // GET on the signup path is not the public endpoint.
        given().get("/api/identity/signup").then().statusCode(401);
        given().get("/api/telemetry/readings").then().statusCode(401);
    }
}
