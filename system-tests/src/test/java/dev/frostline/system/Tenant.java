package dev.frostline.system;

import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.time.Duration;
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

    /** Site, area and a fridge unit, then a device API key. */
    Tenant withFridgeAndKey() {
        siteId = Gateway.as(token).body(Map.of("name", "Main kitchen", "timeZone", "Europe/Berlin"))
                .post("/api/catalog/sites").then().statusCode(201).extract().path("id");
        areaId = Gateway.as(token).body(Map.of("siteId", siteId, "name", "Cold room"))
                .post("/api/catalog/areas").then().statusCode(201).extract().path("id");
        unitId = Gateway.as(token).body(Map.of("areaId", areaId, "name", "Fridge 1", "type", "fridge"))
                .post("/api/catalog/units").then().statusCode(201).extract().path("id");
        apiKey = Gateway.as(token).body(Map.of("name", "fridge sensor"))
                .post("/api/identity/api-keys").then().statusCode(201).extract().path("key");
        return this;
    }

    /**
     * Posts one reading with the device key. Keys and units reach telemetry through Kafka
     * projections, so a brand-new key or unit is accepted after a short delay: retry until then.
     */
    Response postReading(double value, String messageId) {
        Map<String, Object> reading = Map.of("unitId", unitId, "metric", "temperature_c", "value", value,
                "messageId", messageId);
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = Gateway.anonymous().header("X-API-Key", apiKey).body(reading).post("/api/telemetry/readings");
            return last[0].statusCode() == 202;
        });
        return last[0];
    }
}
