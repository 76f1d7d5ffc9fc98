package dev.frostline.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.frostline.gateway.stubs.UpstreamStubs;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * identity rotates a signing key in after the gateway cached its JWKS: the new kid's tokens must be
 * accepted once the gateway refetches, without waiting for the 10-minute refresh, and unknown kids
 * must not make the gateway ask identity on every request.
 */
@QuarkusTest
@TestProfile(JwksRefetchTest.ShortRefetchGap.class)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class JwksRefetchTest {

    /** The least time between two refetches forced by unknown kids (30 s in production). */
    static final Duration MIN_REFETCH_GAP = Duration.ofSeconds(10);

    public static class ShortRefetchGap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("frostline.gateway.jwks.min-refresh-interval", MIN_REFETCH_GAP.toString());
        }
    }

    @ConfigProperty(name = "test.stub.identity")
    String identityStub;

    @BeforeEach
    void jwksCached() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().body("checks[0].data.jwksLoaded", equalTo(true)));
    }

    @Test
    void tokenOfAKeyPublishedAfterTheJwksWasCachedIsAcceptedAfterARefetchAndOldKidsStillWork() {
        KeyPair rotatedIn = ForeignTokens.newKeyPair();
        String newKidToken = ForeignTokens.rs256(ForeignTokens.validClaims(), "frostline-key-2", rotatedIn.getPrivate());
        String oldKidToken = ForeignTokens.signed(ForeignTokens.validClaims());
        call(newKidToken).statusCode(401);

        given().body(ForeignTokens.jwksWithTestKeyAnd("frostline-key-2", rotatedIn.getPublic()))
                .put(identityStub + "/stub/jwks").then().statusCode(204);
        int fetchesBefore = jwksFetches();

        // The periodic refresh is 10 minutes away: only the unknown kid can make the gateway refetch.
        await().atMost(MIN_REFETCH_GAP.multipliedBy(3)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> call(newKidToken).statusCode(200));
        assertThat(jwksFetches()).isGreaterThan(fetchesBefore);
        call(oldKidToken).statusCode(200);
    }

    @Test
    void aFloodOfUnknownKidsRefetchesTheJwksAtMostOncePerMinimumGap() {
        // Start right after a refetch forced by an unknown kid: the next one is a whole gap away.
        int afterRefetch = jwksFetches();
        await().atMost(MIN_REFETCH_GAP.multipliedBy(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    call(ForeignTokens.withUnknownKid()).statusCode(401);
                    return jwksFetches() > afterRefetch;
                });
        int fetchesBefore = jwksFetches();
        long started = System.nanoTime();

        int flood = 50;
        for (int i = 0; i < flood; i++) {
            call(ForeignTokens.withUnknownKid()).statusCode(401);
        }

        long gapsElapsed = (System.nanoTime() - started) / MIN_REFETCH_GAP.toNanos();
        assertThat(jwksFetches() - fetchesBefore).isLessThanOrEqualTo((int) gapsElapsed).isLessThan(flood);
    }

    private int jwksFetches() {
        return Integer.parseInt(given().get(identityStub + "/stub/jwks-fetches").asString());
    }

    private static ValidatableResponse call(String token) {
        return JwtAttackTest.call(token);
    }
}
