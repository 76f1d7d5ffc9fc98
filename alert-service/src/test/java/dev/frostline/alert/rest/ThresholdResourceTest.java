package dev.frostline.alert.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.frostline.alert.TestBus;
import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ThresholdResourceTest {

    static final String VALIDATION_FAILED = "urn:frostline:problem:validation-failed";
    static final String MALFORMED_REQUEST = "urn:frostline:problem:malformed-request";

    @Inject
    TestBus bus;

    static Response putThreshold(String token, UUID unitId, String metric, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/alerts/units/" + unitId + "/thresholds/" + metric);
    }

    static Response listThresholds(String token, UUID unitId) {
        return given().auth().oauth2(token).get("/api/alerts/units/" + unitId + "/thresholds");
    }

    /** Waits until the unit has reached this service's projection, then sets the threshold. */
    static void awaitThresholdSet(String token, UUID unitId, String metric, String body) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> putThreshold(token, unitId, metric, body).statusCode() == 200);
    }

    /** Waits until the unit has reached this service's projection, without changing anything. */
    static void awaitUnitVisible(String token, UUID unitId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> listThresholds(token, unitId).statusCode() == 200);
    }

    private record Org(UUID orgId, UUID unitId, String manager) {
    }

    private Org orgWithUnit() {
        UUID orgId = UUID.randomUUID();
        UUID unitId = UUID.randomUUID();
        bus.publishUnit(unitId, orgId, UUID.randomUUID());
        String manager = TestTokens.token(UUID.randomUUID(), orgId, Role.MANAGER);
        awaitUnitVisible(manager, unitId);
        return new Org(orgId, unitId, manager);
    }

    @Test
    void managerSetsAndReplacesAThreshold() {
        Org org = orgWithUnit();

        putThreshold(org.manager(), org.unitId(), "temperature_c", "{\"min\": 2, \"max\": 8}").then().statusCode(200)
                .body("unitId", equalTo(org.unitId().toString()))
                .body("metric", equalTo("temperature_c"))
                .body("min", equalTo(2.0f))
                .body("max", equalTo(8.0f))
                .body("updatedAt", notNullValue());
        putThreshold(org.manager(), org.unitId(), "temperature_c", "{\"max\": 5.5}").then().statusCode(200)
                .body("min", nullValue())
                .body("max", equalTo(5.5f));
        putThreshold(org.manager(), org.unitId(), "humidity_pct", "{\"min\": 30}").then().statusCode(200);

        listThresholds(org.manager(), org.unitId()).then().statusCode(200)
                .body("$", hasSize(2))
                .body("find { it.metric == 'temperature_c' }.min", nullValue())
                .body("find { it.metric == 'temperature_c' }.max", equalTo(5.5f))
                .body("find { it.metric == 'humidity_pct' }.min", equalTo(30.0f));
    }

    @Test
    void viewerReadsThresholdsButCannotSetThem() {
        Org org = orgWithUnit();
        putThreshold(org.manager(), org.unitId(), "temperature_c", "{\"min\": 2, \"max\": 8}").then().statusCode(200);
        String viewer = TestTokens.token(UUID.randomUUID(), org.orgId(), Role.VIEWER);

        putThreshold(viewer, org.unitId(), "temperature_c", "{\"min\": -20, \"max\": 80}").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:forbidden"));
        listThresholds(viewer, org.unitId()).then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].min", equalTo(2.0f))
                .body("[0].max", equalTo(8.0f));
    }

    @Test
    void thresholdsOfAnotherOrgsUnitAreNotFound() {
        Org org = orgWithUnit();
        putThreshold(org.manager(), org.unitId(), "temperature_c", "{\"min\": 2, \"max\": 8}").then().statusCode(200);
        String otherOwner = TestTokens.newOrgToken(Role.OWNER);

        putThreshold(otherOwner, org.unitId(), "temperature_c", "{\"min\": -50, \"max\": 50}").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:not-found"));
        listThresholds(otherOwner, org.unitId()).then().statusCode(404)
                .contentType("application/problem+json");
        // The owning org's threshold is untouched.
        listThresholds(org.manager(), org.unitId()).then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].min", equalTo(2.0f));
    }

    @Test
    void unknownUnitIsNotFound() {
        String manager = TestTokens.newOrgToken(Role.MANAGER);
        putThreshold(manager, UUID.randomUUID(), "temperature_c", "{\"min\": 2}").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void missingTokenIsUnauthenticated() {
        given().contentType(ContentType.JSON).body("{\"min\": 2}")
                .put("/api/alerts/units/" + UUID.randomUUID() + "/thresholds/temperature_c")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void badThresholdsAreRefusedAndNothingIsStored() {
        Org org = orgWithUnit();
        String[][] cases = {
                // metric, body, problem type
                {"temperature_c", "{\"min\": 8, \"max\": 2}", VALIDATION_FAILED},
                {"temperature_c", "{\"min\": 5, \"max\": 5}", VALIDATION_FAILED},
                {"temperature_c", "{}", VALIDATION_FAILED},
                {"temperature_c", "{\"min\": null, \"max\": null}", VALIDATION_FAILED},
                {"pressure_hpa", "{\"min\": 2, \"max\": 8}", VALIDATION_FAILED},
                {"temperature_c", "{\"min\": 2, \"max\": 8, \"unit\": \"C\"}", VALIDATION_FAILED},
                {"temperature_c", "{\"min\": \"cold\"}", VALIDATION_FAILED},
                {"temperature_c", "{\"min\": 2, ", MALFORMED_REQUEST},
                {"temperature_c", "[2, 8]", MALFORMED_REQUEST},
        };
        for (String[] c : cases) {
            putThreshold(org.manager(), org.unitId(), c[0], c[1]).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(c[2]))
                    .body("detail", notNullValue());
        }
        given().auth().oauth2(org.manager()).contentType(ContentType.JSON)
                .put("/api/alerts/units/" + org.unitId() + "/thresholds/temperature_c")
                .then().statusCode(400).contentType("application/problem+json");

        listThresholds(org.manager(), org.unitId()).then().statusCode(200).body("$", hasSize(0));
    }
}
