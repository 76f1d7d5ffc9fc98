package dev.frostline.gateway.security;

import static dev.frostline.gateway.security.EdgeAuthenticationTest.PROTECTED;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.frostline.contracts.Role;
import dev.frostline.gateway.stubs.UpstreamStubs;
import dev.frostline.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Tokens of deleted users, as identity's revocation feed lists them, are refused at the edge. */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RevocationTest {

    @ConfigProperty(name = "test.stub.identity")
    String identityStub;

    static String tokenIssuedAt(UUID user, Instant issuedAt) {
        return ForeignTokens.signed(ForeignTokens.claimsFor(user, issuedAt));
    }

    void revoke(UUID user, Instant revokedBefore) {
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", user.toString(), "revokedBefore", revokedBefore.toString()))
                .post(identityStub + "/stub/revocations")
                .then().statusCode(204);
    }

    @Test
    // The token passes first, so the gateway remembers it as verified: revocation must still reach it.
    void deletedUsersTokenIsRefusedOncePolled() {
        UUID deleted = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = tokenIssuedAt(deleted, now.minus(Duration.ofMinutes(2)));
        given().auth().oauth2(token).get(PROTECTED).then().statusCode(200);

        revoke(deleted, now.minus(Duration.ofMinutes(1)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                EdgeAuthenticationTest.assertUnauthenticatedProblem(given().auth().oauth2(token).get(PROTECTED).then())
                        .body("detail", containsString("revoked")));
    }

    @Test
    void tokenIssuedAfterTheRevocationPasses() {
        UUID user = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String before = tokenIssuedAt(user, now.minus(Duration.ofMinutes(2)));
        revoke(user, now.minus(Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(before).get(PROTECTED).then().statusCode(401));

        given().auth().oauth2(tokenIssuedAt(user, now.minusSeconds(30))).get(PROTECTED).then().statusCode(200);
    }

    @Test
    void otherUsersAreUnaffected() {
        UUID deleted = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String deletedToken = tokenIssuedAt(deleted, now.minusSeconds(60));
        revoke(deleted, now);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(deletedToken).get(PROTECTED).then().statusCode(401));

        given().auth().oauth2(TestTokens.newOrgToken(Role.VIEWER)).get(PROTECTED).then().statusCode(200);
    }

    @Test
    void feedIsPolledWithTheInternalTokenAndThenOnlyForWhatIsNew() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get(identityStub + "/stub/revocation-polls").then()
                        .body("withSince", org.hamcrest.Matchers.greaterThan(0))
                        .body("refused", equalTo(0)));
    }

    @Test
    void internalPathsAreNotRoutedToServices() {
        for (String path : new String[] {"/internal/identity/revocations", "/internal"}) {
            given().auth().oauth2(TestTokens.newOrgToken(Role.OWNER)).get(path)
                    .then().statusCode(404)
                    .header("X-Upstream-Area", (String) null)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:frostline:problem:not-found"));
        }
        given().header("Authorization", "Bearer " + "gateway-test-internal-token").get("/internal/identity/revocations")
                .then().statusCode(404).header("X-Upstream-Area", (String) null);
    }
}
