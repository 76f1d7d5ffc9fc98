package dev.frostline.telemetry.rest;

import static dev.frostline.telemetry.TelemetryFixtures.batch;
import static dev.frostline.telemetry.TelemetryFixtures.post;
import static dev.frostline.telemetry.TelemetryFixtures.reading;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.frostline.contracts.Role;
import dev.frostline.telemetry.FixtureTest;
import dev.frostline.telemetry.TelemetryFixtures;
import dev.frostline.telemetry.TelemetryFixtures.Device;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnitReadingsResourceTest extends FixtureTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static String path(UUID unitId) {
        return "/api/telemetry/units/" + unitId + "/readings";
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static Map<String, Object> at(Map<String, Object> reading, Instant recordedAt) {
        reading.put("recordedAt", recordedAt.toString());
        return reading;
    }

    @Test
    void anotherOrgsTokenGets404ForTheUnitsReadings() {
        Device device = fixtures.seedDevice();
        String id = post(device.key(), reading(device.unitId(), "temperature_c", 1.0, "mine"))
                .then().statusCode(202).extract().path("ids[0]");
        fixtures.awaitStored(device.unitId(), UUID.fromString(id));

        as(TestTokens.newOrgToken(Role.OWNER)).get(path(device.unitId())).then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:not-found"));
        // The same answer as for a unit that does not exist at all.
        as(device.viewerToken()).get(path(UUID.randomUUID())).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void readingsAreNewestFirstAndFilteredByMetricWindowAndLimit() {
        Device device = fixtures.seedDevice();
        Instant t0 = TelemetryFixtures.now().minusSeconds(3600);
        List<String> ids = post(device.key(), batch(
                at(reading(device.unitId(), "temperature_c", 1.0, "a"), t0),
                at(reading(device.unitId(), "humidity_pct", 60, "b"), t0.plusSeconds(60)),
                at(reading(device.unitId(), "temperature_c", 2.0, "c"), t0.plusSeconds(120)),
                at(reading(device.unitId(), "temperature_c", 3.0, "d"), t0.plusSeconds(180))))
                .then().statusCode(202).extract().path("ids");
        ids.forEach(id -> fixtures.awaitStored(device.unitId(), UUID.fromString(id)));
        String token = device.viewerToken();

        as(token).get(path(device.unitId())).then().statusCode(200)
                .body("readings.id", contains(ids.get(3), ids.get(2), ids.get(1), ids.get(0)));
        as(token).queryParam("metric", "temperature_c").get(path(device.unitId())).then().statusCode(200)
                .body("readings.value", contains(3.0f, 2.0f, 1.0f));
        as(token).queryParam("from", t0.plusSeconds(60).toString()).queryParam("to", t0.plusSeconds(180).toString())
                .get(path(device.unitId())).then().statusCode(200)
                .body("readings.id", contains(ids.get(2), ids.get(1)));
        as(token).queryParam("limit", 1).get(path(device.unitId())).then().statusCode(200)
                .body("readings", hasSize(1))
                .body("readings[0].id", equalTo(ids.get(3)));
    }

    @Test
    void limitOutside1To1000AndUnreadableFiltersAreRefused() {
        Device device = fixtures.seedDevice();
        String token = device.viewerToken();

        as(token).queryParam("limit", 1001).get(path(device.unitId())).then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:validation-failed"))
                .body("errors[0].field", equalTo("limit"));
        as(token).queryParam("limit", 1000).get(path(device.unitId())).then().statusCode(200);
        as(token).queryParam("limit", 0).get(path(device.unitId())).then().statusCode(400);
        as(token).queryParam("limit", "ten").get(path(device.unitId())).then().statusCode(400);
        as(token).queryParam("from", "yesterday").get(path(device.unitId())).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(token).queryParam("metric", "pressure_hpa").get(path(device.unitId())).then().statusCode(400)
                .body("errors[0].field", equalTo("metric"));
    }

    @Test
    void readingsNeedAnAccessTokenNotAnApiKey() {
        Device device = fixtures.seedDevice();

        given().get(path(device.unitId())).then().statusCode(401).contentType(PROBLEM_JSON);
        given().header("X-API-Key", device.key()).get(path(device.unitId())).then().statusCode(401);
    }
}
