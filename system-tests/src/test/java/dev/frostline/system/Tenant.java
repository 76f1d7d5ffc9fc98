package dev.frostline.system;

import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A freshly signed-up organization and its owner, with the hierarchy and device key the thin path
 * needs. Every test makes its own, so tests never share data.
 */
final class Tenant {

    final String token;
    final String orgId;
    String siteId;
    String areaId;
    String unitId;
    String apiKey;
    String apiKeyId;

    private Tenant(String token, String orgId) {
        this.token = token;
        this.orgId = orgId;
    }

    static Tenant signUp() {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        Response response = Gateway.anonymous()
                .body(Map.of("email", email, "password", "a long enough password", "organizationName", "Org " + email))
                .post("/api/identity/signup");
        response.then().statusCode(201);
        return new Tenant(response.path("accessToken"), response.path("orgId"));
    }

    /** Site, area and a fridge unit, then a device API key for the whole org. */
    Tenant withFridgeAndKey() {
        siteId = createSite("Main kitchen");
        areaId = createArea(siteId);
        unitId = createFridge(areaId);
        Response key = createKey("fridge sensor", null).then().statusCode(201).extract().response();
        apiKey = key.path("key");
        apiKeyId = key.path("id");
        return this;
    }

    String createSite(String name) {
        return Gateway.as(token).body(Map.of("name", name, "timeZone", "Europe/Berlin"))
                .post("/api/catalog/sites").then().statusCode(201).extract().path("id");
    }

    String createArea(String site) {
        return Gateway.as(token).body(Map.of("siteId", site, "name", "Cold room"))
                .post("/api/catalog/areas").then().statusCode(201).extract().path("id");
    }

    String createFridge(String area) {
        return Gateway.as(token).body(Map.of("areaId", area, "name", "Fridge 1", "type", "fridge"))
                .post("/api/catalog/units").then().statusCode(201).extract().path("id");
    }

    /** @param site null for a key valid for the whole org */
    Response createKey(String name, String site) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        if (site != null) {
            body.put("siteId", site);
        }
        return Gateway.as(token).body(body).post("/api/identity/api-keys");
    }

    /** One ingest request, no retry. */
    static Response ingest(String key, String unit, double value, String messageId) {
        return Gateway.anonymous().header("X-API-Key", key)
                .body(Map.of("unitId", unit, "metric", "temperature_c", "value", value, "messageId", messageId))
                .post("/api/telemetry/readings");
    }

    /**
     * Posts one reading with the device key. Keys and units reach telemetry through Kafka
     * projections, so a brand-new key or unit is accepted after a short delay: retry until then.
     */
    Response postReading(double value, String messageId) {
        return postReading(apiKey, unitId, value, messageId);
    }

    /** A reading measured at {@code recordedAt}: retried (same message ID) until accepted. */
    static Response postReadingAt(String key, String unit, double value, java.time.Instant recordedAt, String messageId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Gateway.anonymous().header("X-API-Key", key)
                        .body(Map.of("unitId", unit, "metric", "temperature_c", "value", value, "messageId", messageId,
                                "recordedAt", recordedAt.toString()))
                        .post("/api/telemetry/readings"), response -> response.statusCode() == 202);
    }

    /** {@link #postReading(double, String)} with any key and unit: retried until accepted. */
    static Response postReading(String key, String unit, double value, String messageId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ingest(key, unit, value, messageId), response -> response.statusCode() == 202);
    }
}
