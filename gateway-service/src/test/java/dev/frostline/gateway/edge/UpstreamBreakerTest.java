package dev.frostline.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.frostline.contracts.Role;
import dev.frostline.gateway.routing.Area;
import dev.frostline.gateway.stubs.UnreachableUpstreamStubs;
import dev.frostline.testing.TestTokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * alert's upstream is a closed port, used by this test only. %test: 3 failures open the breaker
 * for a minute.
 */
@QuarkusTest
@WithTestResource(value = UnreachableUpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UpstreamBreakerTest {

    static final String TOKEN = TestTokens.newOrgToken(Role.MANAGER);

    @Inject
    UpstreamBreakers breakers;

    @Inject
    MeterRegistry registry;

    @Test
    void afterThreeFailedConnectsTheBreakerOpensAndAnswers503WithoutTryingTheUpstream() {
        for (int i = 0; i < 3; i++) {
            assertThat(breakers.state(Area.ALERT)).isEqualTo(CircuitBreaker.State.CLOSED);
            given().auth().oauth2(TOKEN).get("/api/alerts/open")
                    .then().statusCode(503)
                    .header("Retry-After", "5")
                    .body("detail", startsWith("alert is unavailable. Retry"));
        }
        assertThat(breakers.state(Area.ALERT)).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(failures()).isEqualTo(3);
        assertThat(scrape()).containsPattern("frostline_gateway_breaker_open\\{upstream=\"alert\",?\\} 1\\.0");

        given().auth().oauth2(TOKEN).get("/api/alerts/open")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:service-unavailable"))
                .body("detail", containsString("failing fast"));

        // Refused by the breaker: no fourth connection attempt was made.
        assertThat(failures()).isEqualTo(3);
        assertThat(registry.get(UpstreamBreakers.REJECTED_METRIC).tag("upstream", "alert").counter().count())
                .isEqualTo(1);
        // Other upstreams keep their own breakers.
        assertThat(breakers.state(Area.TELEMETRY)).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(scrape()).containsPattern("frostline_gateway_breaker_open\\{upstream=\"telemetry\",?\\} 0\\.0");
    }

    private double failures() {
        return registry.get(UpstreamBreakers.FAILURES_METRIC).tag("upstream", "alert").counter().count();
    }

    /** What Prometheus scrapes from this gateway. */
    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
