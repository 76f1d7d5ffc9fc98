package dev.frostline.system;

import static dev.frostline.system.LiveSocket.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end, through the gateway only: a device reading travels through
 * telemetry, Kafka, PostgreSQL and alert-service to the org's live WebSocket, and nothing of it
 * reaches another org.
 */
class ThinPathIT {

    @Test
    void readingAndItsAlertReachTheOrgsSocketAndNothingLeaksToAnotherOrg() throws Exception {
        Tenant a = Tenant.signUp().withFridgeAndKey();
        Tenant b = Tenant.signUp().withFridgeAndKey();

        // The threshold needs alert-service's projection of the new unit: retry until it has it.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> Gateway.as(a.token)
                .body(Map.of("min", 0.0, "max", 8.0))
                .put("/api/alerts/units/" + a.unitId + "/thresholds/temperature_c").statusCode() == 200);

        try (LiveSocket socketA = LiveSocket.withHeader(a.token); LiveSocket socketB = LiveSocket.withSubprotocol(b.token)) {
            socketA.awaitFrame(f -> "welcome".equals(f.path("type").asText()));
            socketB.awaitFrame(f -> "welcome".equals(f.path("type").asText()));
            socketA.subscribed("org");
            socketB.subscribed("org");

            // Out of range: 12.5 °C in a fridge whose maximum is 8 °C.
            Response accepted = a.postReading(12.5, "msg-" + UUID.randomUUID());
            String readingId = accepted.path("ids[0]");

            JsonNode reading = socketA.awaitFrame(event("reading.recorded", "eventId", readingId));
            JsonNode alert = socketA.awaitFrame(event("alert.opened", "triggeringReadingId", readingId));
            assertThat(reading.path("data").path("value").asDouble()).isEqualTo(12.5);
            assertThat(alert.path("data").path("unitId").asText()).isEqualTo(a.unitId);
            assertThat(socketA.indexOf(reading)).isLessThan(socketA.indexOf(alert));

            // The reading is stored and listed by the telemetry API.
            await().atMost(Duration.ofSeconds(30)).until(() -> readingIds(a).contains(readingId));

            // B's socket is live (it gets B's own reading) and has seen nothing of A.
            String readingOfB = b.postReading(3.0, "msg-" + UUID.randomUUID()).path("ids[0]");
            socketB.awaitFrame(event("reading.recorded", "eventId", readingOfB));
            assertThat(socketB.frames()).noneMatch(f -> f.toString().contains(a.unitId) || f.toString().contains(a.orgId));
        }

        // Files: upload and download as A.
        byte[] certificate = ("calibration certificate " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String fileId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> Gateway.as(a.token).contentType("application/pdf").body(certificate)
                        .queryParam("name", "calibration.pdf")
                        .post("/api/storage/units/" + a.unitId + "/files"),
                r -> r.statusCode() == 201).path("id");
        byte[] downloaded = Gateway.as(a.token).get("/api/storage/files/" + fileId + "/content")
                .then().statusCode(200).extract().asByteArray();
        assertThat(downloaded).isEqualTo(certificate);

        // Isolation: B's token gets 404 on A's unit, readings and file.
        Gateway.as(b.token).get("/api/catalog/units/" + a.unitId).then().statusCode(404)
                .contentType("application/problem+json");
        Gateway.as(b.token).get("/api/telemetry/units/" + a.unitId + "/readings").then().statusCode(404);
        Gateway.as(b.token).get("/api/storage/files/" + fileId + "/content").then().statusCode(404);
        Gateway.as(b.token).get("/api/storage/files/" + fileId).then().statusCode(404);
    }

    @Test
    void aBadApiKeyIsRefusedAndStoresNothing() {
        Tenant a = Tenant.signUp().withFridgeAndKey();
        double marker = 4.25;
        double refused = 99.5;

        Gateway.anonymous().header("X-API-Key", "flk_AAAAAAAAAA_" + "B".repeat(33))
                .body(Map.of("unitId", a.unitId, "metric", "temperature_c", "value", refused))
                .post("/api/telemetry/readings")
                .then().statusCode(401).contentType("application/problem+json");

        // Readings of one unit are persisted in order; once a later good one is listed, the refused
        // one would be too if it had been accepted.
        String markerId = a.postReading(marker, "marker-" + UUID.randomUUID()).path("ids[0]");
        await().atMost(Duration.ofSeconds(30)).until(() -> readingIds(a).contains(markerId));
        List<Float> values = Gateway.as(a.token).get("/api/telemetry/units/" + a.unitId + "/readings")
                .then().statusCode(200).extract().path("readings.value");
        assertThat(values).containsExactly((float) marker);
    }

    @Test
    void gatewayRefusesMissingTokensWithAProblem() {
        Gateway.anonymous().get("/api/catalog/sites").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:unauthenticated"));
        Gateway.as("not-a-jwt").get("/api/catalog/sites").then().statusCode(401);
    }

    private static List<String> readingIds(Tenant tenant) {
        return Gateway.as(tenant.token).get("/api/telemetry/units/" + tenant.unitId + "/readings")
                .then().statusCode(200).extract().path("readings.id");
    }
}
