package dev.frostline.gateway.security;

import static dev.frostline.gateway.security.EdgeAuthenticationTest.PROTECTED;
import static dev.frostline.gateway.security.EdgeAuthenticationTest.assertUnauthenticatedProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.frostline.gateway.stubs.UpstreamStubs;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every way of forging or misusing an access token that the edge must refuse with a 401 problem.
 * Each token is valid but for one thing (see {@link ForeignTokens}); the first test proves that the
 * untouched token passes, so each refusal is down to that one thing.
 */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class JwtAttackTest {

    /** The leeway the edge may allow for clock differences at most. */
    static final Duration MAX_LEEWAY = Duration.ofSeconds(60);

    static ValidatableResponse call(String token) {
        return given().auth().oauth2(token).get(PROTECTED).then();
    }

    @Test
    void theUntamperedTokenPasses() {
        call(ForeignTokens.signed(ForeignTokens.validClaims())).statusCode(200);
    }

    @Test
    void algNoneIsRefused() {
        assertUnauthenticatedProblem(call(ForeignTokens.unsigned()));
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() {
        ForeignTokens.publicKeyAsSecrets().forEach((form, secret) ->
                assertUnauthenticatedProblem(call(ForeignTokens.hs256(secret)).log().ifValidationFails()));
    }

    @Test
    void expiredTokenIsRefused() {
        Map<String, Object> claims = ForeignTokens.claimsFor(UUID.randomUUID(), Instant.now().minus(Duration.ofMinutes(10)));
        claims.put("exp", Instant.now().minus(MAX_LEEWAY).minusSeconds(1).getEpochSecond());
        assertUnauthenticatedProblem(call(ForeignTokens.signed(claims))).body("detail", containsString("expired"));
    }

    @Test
    void tokenNotYetValidIsRefused() {
        assertUnauthenticatedProblem(call(ForeignTokens.withClaim("nbf",
                Instant.now().plus(MAX_LEEWAY).plusSeconds(1).getEpochSecond())));
    }

    @Test
    void tokenIssuedInTheFutureIsRefused() {
        Instant future = Instant.now().plus(MAX_LEEWAY).plusSeconds(1);
        assertUnauthenticatedProblem(call(ForeignTokens.signed(ForeignTokens.claimsFor(UUID.randomUUID(), future))));
    }

    @Test
    void tokenWithoutIssueTimeIsRefused() {
        assertUnauthenticatedProblem(call(ForeignTokens.withoutClaim("iat")));
    }

    @Test
    void tokenLivingLongerThanFrostlineIssuesIsRefused() {
        assertUnauthenticatedProblem(call(ForeignTokens.withClaim("exp",
                Instant.now().plus(Duration.ofDays(30)).getEpochSecond())));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        assertUnauthenticatedProblem(call(ForeignTokens.fromIssuer("someone-else")));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        assertUnauthenticatedProblem(call(ForeignTokens.withClaim("aud", "another-product")));
    }

    @Test
    void tokenWithoutAudienceIsRefused() {
        assertUnauthenticatedProblem(call(ForeignTokens.withoutClaim("aud")));
    }

    @Test
    void tamperedPayloadIsRefused() {
        assertUnauthenticatedProblem(call(ForeignTokens.tampered()));
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        assertUnauthenticatedProblem(call(ForeignTokens.forged()));
    }

    @Test
    void unknownKidIsRefused() {
        assertUnauthenticatedProblem(call(ForeignTokens.withUnknownKid()));
    }
}
