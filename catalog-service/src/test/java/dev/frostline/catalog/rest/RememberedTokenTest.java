package dev.frostline.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A token is verified on first sight and remembered after that (service-support's
 * RememberingJwtParser, shared by every service); a token that fails is never remembered.
 */
@QuarkusTest
class RememberedTokenTest {

    @Inject
    MeterRegistry registry;

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgain() {
        String token = TestTokens.newOrgToken(Role.VIEWER);
        double verifiedBefore = count("verified");
        double rememberedBefore = count("remembered");

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/catalog/sites").then().statusCode(200);
        }

        assertThat(count("verified") - verifiedBefore).isEqualTo(1.0);
        assertThat(count("remembered") - rememberedBefore).isEqualTo(2.0);
    }

    @Test
    void aTamperedTokenIsRefusedEveryTime() {
        String tampered = TestTokens.newOrgToken(Role.OWNER) + "x";
        double rememberedBefore = count("remembered");

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(tampered).get("/api/catalog/sites").then().statusCode(401);
        }

        assertThat(count("remembered")).isEqualTo(rememberedBefore);
    }

    private double count(String outcome) {
        var counter = registry.find("frostline.auth.bearer.tokens").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
