package dev.frostline.system;

import static dev.frostline.system.Platform.frostline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A service that stops: the gateway answers for it, opens its breaker, and recovers when it is back. */
class GatewayResilienceIT {

    @Test
    void aStoppedServiceIs503ProblemTheBreakerOpensAndTheRouteRecoversWhenItReturns() {
        Tenant tenant = Tenant.signUp();
        String files = "/api/storage/files/" + UUID.randomUUID();
        Gateway.as(tenant.token).get(files).then().statusCode(404);
        double rejectedBefore = gatewayMetric("frostline_gateway_breaker_rejected_total");

        frostline("stop", "storage-service");
        try {
            for (int i = 0; i < 8; i++) {
                Gateway.as(tenant.token).get(files).then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                        .body("status", equalTo(503))
                        .body("type", org.hamcrest.Matchers.startsWith("urn:frostline:problem:"));
            }
            assertThat(gatewayMetric("frostline_gateway_breaker_open")).as("storage's breaker is open").isEqualTo(1.0);
            // Requests after the breaker opened were answered without trying the stopped service.
            assertThat(gatewayMetric("frostline_gateway_breaker_rejected_total")).isGreaterThan(rejectedBefore);
            // Other services are unaffected.
            Gateway.as(tenant.token).get("/api/catalog/sites").then().statusCode(200);
        } finally {
            frostline("start", "storage-service");
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Gateway.as(tenant.token).get(files).statusCode() == 404);
        assertThat(gatewayMetric("frostline_gateway_breaker_open")).isEqualTo(0.0);
    }

    /** The gateway's own Prometheus sample for the storage upstream. */
    private static double gatewayMetric(String name) {
        String metrics = RestAssured.given().baseUri(Gateway.URL).get("/q/metrics").then().statusCode(200).extract()
                .asString();
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{[^}]*upstream=\"storage\"[^}]*} ([0-9.eE+-]+)$")
                .matcher(metrics);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0.0;
    }
}
