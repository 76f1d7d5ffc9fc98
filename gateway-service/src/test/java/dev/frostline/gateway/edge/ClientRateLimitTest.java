package dev.frostline.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.frostline.contracts.Role;
import dev.frostline.gateway.stubs.UpstreamStubs;
import dev.frostline.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-client limit, over HTTP: per JWT subject when signed in, per address when anonymous.
 * Here client buckets hold {@value #CAPACITY} tokens and refill one per 100 s. All anonymous
 * requests of this class come from 127.0.0.1 and share one bucket, so only one test makes any.
 */
@QuarkusTest
@TestProfile(ClientRateLimitTest.SmallClientBuckets.class)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ClientRateLimitTest {

    static final int CAPACITY = 3;

    public static class SmallClientBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "frostline.gateway.rate-limits.clients.capacity", String.valueOf(CAPACITY),
                    "frostline.gateway.rate-limits.clients.refill-per-second", "0.01");
        }
    }

    @Test
    void signedInUserOverTheLimitGets429WithRetryAfterAndAnotherUserIsNotAffected() {
        String limited = TestTokens.newOrgToken(Role.STAFF);
        for (int i = 0; i < CAPACITY; i++) {
            signedIn(limited).statusCode(200).body("area", equalTo("catalog"));
        }
        assertRateLimited(signedIn(limited));

        signedIn(TestTokens.newOrgToken(Role.STAFF)).statusCode(200).body("area", equalTo("catalog"));
    }

    @Test
    void anonymousClientOverTheLimitGets429WithRetryAfterAndSignedInUsersAreNotAffected() {
        for (int i = 0; i < CAPACITY; i++) {
            anonymous().then().statusCode(200).body("area", equalTo("identity"));
        }
        assertRateLimited(anonymous().then());

        // Same address, but signed in: limited per user, not by the exhausted address bucket.
        signedIn(TestTokens.newOrgToken(Role.VIEWER)).statusCode(200);
    }

    private static ValidatableResponse signedIn(String token) {
        return given().auth().oauth2(token).get("/api/catalog/sites").then();
    }

    /** A public endpoint: no token, so limited by the client's address. */
    private static Response anonymous() {
        return given().contentType(ContentType.JSON).body("{}").post("/api/identity/signup");
    }

    /** Retry-After is the wait for the next token: at most 100 s, less the time the bucket took to empty. */
    private static void assertRateLimited(ValidatableResponse response) {
        String retryAfter = response.statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:rate-limited"))
                .body("status", equalTo(429))
                .extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 100);
        response.body("detail", equalTo("Too many requests. Retry in " + retryAfter + " s."));
    }
}
