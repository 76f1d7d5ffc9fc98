package dev.frostline.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.frostline.contracts.Role;
import dev.frostline.gateway.routing.Area;
import dev.frostline.gateway.stubs.UpstreamStubs;
import dev.frostline.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * catalog has its own response timeout (1 s) and breaker (opens on the first failure); every other
 * upstream keeps the global settings (response timeout 10 s here, %test breaker of 3 failures).
 * Both upstreams answer 3 s late: wide margins either side of both timeouts.
 */
@QuarkusTest
@TestProfile(PerUpstreamOverridesTest.CatalogOverrides.class)
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PerUpstreamOverridesTest {

    static final String TOKEN = TestTokens.newOrgToken(Role.MANAGER);
    static final String THREE_SECONDS_LATE = "/delayed?millis=3000";

    public static class CatalogOverrides implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "frostline.gateway.timeouts.response", "PT10S",
                    "frostline.gateway.per-upstream.catalog.response-timeout", "PT1S",
                    "frostline.gateway.per-upstream.catalog.breaker-failures", "1");
        }
    }

    @Inject
    UpstreamBreakers breakers;

    @Inject
    UpstreamPolicies policies;

    @Test
    void aShortResponseTimeoutOnOneUpstreamGives504ThereWhileAnotherStillAnswers() {
        given().auth().oauth2(TOKEN).get("/api/alerts/reports" + THREE_SECONDS_LATE)
                .then().statusCode(200).body("area", equalTo("alert"));

        given().auth().oauth2(TOKEN).get("/api/catalog/reports" + THREE_SECONDS_LATE)
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:upstream-timeout"))
                .body("detail", startsWith("catalog did not answer in time"));

        // catalog's breaker opens on its first failure; alert's keeps the global threshold.
        assertThat(breakers.state(Area.CATALOG)).isEqualTo(CircuitBreaker.State.OPEN);
        given().auth().oauth2(TOKEN).get("/api/catalog/sites")
                .then().statusCode(503).body("detail", containsString("failing fast"));
        given().auth().oauth2(TOKEN).get("/api/alerts/open").then().statusCode(200);
    }

    @Test
    void upstreamsWithoutOverridesKeepTheGlobalSettings() {
        assertThat(policies.of(Area.CATALOG)).isEqualTo(new UpstreamPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1),
                1, Duration.ofMinutes(1), Duration.ofMinutes(1)));
        for (Area area : Area.values()) {
            if (area != Area.CATALOG) {
                assertThat(policies.of(area)).as(area.displayName()).isEqualTo(new UpstreamPolicy(
                        Duration.ofSeconds(2), Duration.ofSeconds(10), 3, Duration.ofMinutes(1), Duration.ofMinutes(1)));
            }
        }
    }
}
