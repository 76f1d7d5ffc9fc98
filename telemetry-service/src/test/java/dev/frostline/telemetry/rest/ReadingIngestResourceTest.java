package dev.frostline.telemetry.rest;

import static dev.frostline.telemetry.TelemetryFixtures.batch;
import static dev.frostline.telemetry.TelemetryFixtures.post;
import static dev.frostline.telemetry.TelemetryFixtures.reading;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.telemetry.FixtureTest;
import dev.frostline.telemetry.TelemetryFixtures;
import dev.frostline.telemetry.TelemetryFixtures.Device;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ReadingIngestResourceTest extends FixtureTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String VALIDATION_FAILED = "urn:frostline:problem:validation-failed";

    @Test
    void validReadingIsAcceptedStoredAndListedForItsOrg() {
        Device device = fixtures.seedDevice();
        Map<String, Object> reading = reading(device.unitId(), "temperature_c", -18.5, "m-1");

        String id = post(device.key(), reading).then().statusCode(202)
                .body("accepted", equalTo(1))
                .body("ids", hasSize(1))
                .extract().path("ids[0]");
        fixtures.awaitStored(device.unitId(), UUID.fromString(id));

        given().auth().oauth2(device.viewerToken()).get("/api/telemetry/units/" + device.unitId() + "/readings")
                .then().statusCode(200)
                .body("unitId", equalTo(device.unitId().toString()))
                .body("readings", hasSize(1))
                .body("readings[0].id", equalTo(id))
                .body("readings[0].metric", equalTo("temperature_c"))
                .body("readings[0].value", equalTo(-18.5f))
                .body("readings[0].recordedAt", equalTo(reading.get("recordedAt")));
    }

    @Test
    void aBatchIsAcceptedWholeWithOneIdPerReadingInRequestOrder() {
        Device device = fixtures.seedDevice();

        List<String> ids = post(device.key(), batch(
                reading(device.unitId(), "temperature_c", 3.5, "b-1"),
                reading(device.unitId(), "humidity_pct", 71, "b-2"),
                reading(device.unitId(), "door_open", 1, "b-3")))
                .then().statusCode(202).body("accepted", equalTo(3)).extract().path("ids");

        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        ids.forEach(id -> fixtures.awaitStored(device.unitId(), UUID.fromString(id)));
        assertThat(fixtures.storedIds(device.unitId())).hasSize(3);
    }

    @Test
    void duplicateMessageIdIsStoredOnce() {
        Device device = fixtures.seedDevice();
        Map<String, Object> reading = reading(device.unitId(), "temperature_c", 4.0, "retry-me");

        String first = post(device.key(), reading).then().statusCode(202).extract().path("ids[0]");
        String second = post(device.key(), reading).then().statusCode(202).extract().path("ids[0]");
        UUID sentinel = fixtures.storeSentinel(device);

        assertThat(second).isEqualTo(first);
        assertThat(fixtures.storedIds(device.unitId())).containsExactlyInAnyOrder(UUID.fromString(first), sentinel);
    }

    @ParameterizedTest(name = "bad item at index {0}")
    @ValueSource(ints = { 0, 2, 4 })
    void batchWithOneInvalidItemAtTheStartMiddleOrEndIsRefusedWholeAndNothingIsStored(int badIndex) {
        Device device = fixtures.seedDevice();
        List<Object> readings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            readings.add(i == badIndex
                    ? reading(device.unitId(), "temperature_c", 151.0, "too-hot")
                    : reading(device.unitId(), "temperature_c", 2.0 + i, "ok-" + i));
        }

        post(device.key(), Map.of("readings", readings))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("errors", hasSize(1))
                .body("errors[0].index", equalTo(badIndex))
                .body("errors[0].field", equalTo("value"));
        UUID sentinel = fixtures.storeSentinel(device);

        assertThat(fixtures.storedIds(device.unitId())).containsExactly(sentinel);
    }

    @Test
    void retryWithoutMessageIdIsStoredOnceByItsRecordedAt() {
        Device device = fixtures.seedDevice();
        Map<String, Object> reading = reading(device.unitId(), "temperature_c", 4.0, null);

        String first = post(device.key(), reading).then().statusCode(202).extract().path("ids[0]");
        String second = post(device.key(), reading).then().statusCode(202).extract().path("ids[0]");
        UUID sentinel = fixtures.storeSentinel(device);

        assertThat(second).isEqualTo(first);
        assertThat(fixtures.storedIds(device.unitId())).containsExactlyInAnyOrder(UUID.fromString(first), sentinel);
    }

    @Test
    void readingForAUnitOfAnotherOrgIsRefusedAndNothingIsStored() {
        Device mine = fixtures.seedDevice();
        Device theirs = fixtures.seedDevice();

        String refusedForTheirs = post(mine.key(), reading(theirs.unitId(), "temperature_c", 2.0, "cross")).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("errors[0].index", equalTo(0))
                .body("errors[0].field", equalTo("unitId"))
                .extract().path("errors[0].reason");
        String refusedForUnknown = post(mine.key(), reading(UUID.randomUUID(), "temperature_c", 2.0, "cross")).then()
                .statusCode(400).extract().path("errors[0].reason");
        // Nothing tells another org's unit apart from a unit that does not exist.
        assertThat(refusedForUnknown).isEqualTo(refusedForTheirs);
        UUID sentinel = fixtures.storeSentinel(theirs);

        assertThat(fixtures.storedIds(theirs.unitId())).containsExactly(sentinel);
    }

    @Test
    void aSiteKeyPostsForItsSitesUnitsAndIsRefusedForAnotherSiteLikeForAnotherOrg() {
        Device device = fixtures.seedDevice();
        UUID siteB = UUID.randomUUID();
        UUID unitOfSiteB = fixtures.seedUnit(device, siteB);
        UUID unitWithoutSite = fixtures.seedUnit(device, null);
        String siteAKey = fixtures.seedSiteKey(device, device.siteId(), device.unitId());
        Device stranger = fixtures.seedDevice();

        String accepted = post(siteAKey, reading(device.unitId(), "temperature_c", 3.0, "site-a")).then()
                .statusCode(202).extract().path("ids[0]");
        String refusedForSiteB = post(siteAKey, reading(unitOfSiteB, "temperature_c", 3.0, "site-b")).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("errors[0].index", equalTo(0))
                .body("errors[0].field", equalTo("unitId"))
                .extract().path("errors[0].reason");
        String refusedForNoSite = post(siteAKey, reading(unitWithoutSite, "temperature_c", 3.0, "no-site")).then()
                .statusCode(400).extract().path("errors[0].reason");
        String refusedForOtherOrg = post(siteAKey, reading(stranger.unitId(), "temperature_c", 3.0, "cross")).then()
                .statusCode(400).extract().path("errors[0].reason");
        // All or nothing: a batch naming a unit outside the scope is refused whole.
        post(siteAKey, batch(reading(device.unitId(), "temperature_c", 4.0, "mixed-a"),
                reading(unitOfSiteB, "temperature_c", 4.0, "mixed-b")))
                .then().statusCode(400).body("errors", hasSize(1)).body("errors[0].index", equalTo(1));

        assertThat(refusedForSiteB).isEqualTo(refusedForOtherOrg).isEqualTo(refusedForNoSite);
        fixtures.awaitStored(device.unitId(), UUID.fromString(accepted));
        UUID sentinelA = fixtures.storeSentinel(device);
        // The org-wide key still reaches site B: the refusal was the scope, not the unit.
        UUID sentinelB = UUID.fromString(post(device.key(), reading(unitOfSiteB, "battery_pct", 50, "b-ok"))
                .then().statusCode(202).extract().path("ids[0]"));
        fixtures.awaitStored(unitOfSiteB, sentinelB);
        assertThat(fixtures.storedIds(device.unitId())).containsExactlyInAnyOrder(UUID.fromString(accepted), sentinelA);
        assertThat(fixtures.storedIds(unitOfSiteB)).containsExactly(sentinelB);
    }

    @Test
    void outOfRangeNonFiniteUnknownMetricAndFutureReadingsAreRefusedAndNothingIsStored() {
        Device device = fixtures.seedDevice();
        Map<String, Object> future = reading(device.unitId(), "temperature_c", 2.0, "future");
        future.put("recordedAt", TelemetryFixtures.now().plusSeconds(600).toString());
        Map<String, Object> infinite = reading(device.unitId(), "temperature_c", 2.0, "inf");
        infinite.put("value", new BigDecimal("1e400"));

        assertRefused(device, reading(device.unitId(), "humidity_pct", 100.5, "high"), "value");
        assertRefused(device, reading(device.unitId(), "door_open", 0.5, "ajar"), "value");
        assertRefused(device, reading(device.unitId(), "pressure_hpa", 1013, "unknown"), "metric");
        assertRefused(device, future, "recordedAt");
        assertRefused(device, infinite, "value");
        // JSON has no NaN: as a literal the body is not JSON, as a string it is not a number.
        given().header(ApiKeyFormat.HEADER, device.key()).contentType(ContentType.JSON)
                .body("{\"unitId\":\"" + device.unitId() + "\",\"metric\":\"temperature_c\",\"value\":NaN}")
                .post(TelemetryFixtures.INGEST).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:malformed-request"));
        Map<String, Object> nanString = reading(device.unitId(), "temperature_c", 2.0, "nan");
        nanString.put("value", "NaN");
        assertRefused(device, nanString, "value");
        UUID sentinel = fixtures.storeSentinel(device);

        assertThat(fixtures.storedIds(device.unitId())).containsExactly(sentinel);
    }

    @Test
    void unreadableItemsAreReportedByIndexAlongsideInvalidOnes() {
        Device device = fixtures.seedDevice();
        Map<String, Object> badUuid = reading(device.unitId(), "temperature_c", 2.0, null);
        badUuid.put("unitId", "not-a-uuid");
        Map<String, Object> unknownField = reading(device.unitId(), "temperature_c", 2.0, null);
        unknownField.put("celsius", true);
        Map<String, Object> epochTime = reading(device.unitId(), "temperature_c", 2.0, null);
        epochTime.put("recordedAt", 1_700_000_000);

        post(device.key(), batch(reading(device.unitId(), "temperature_c", 2.0, null), badUuid, unknownField,
                "not an object", epochTime, reading(device.unitId(), "battery_pct", 101, null)))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("errors.index", contains(1, 2, 3, 4, 5))
                .body("errors[0].field", equalTo("unitId"))
                .body("errors[1].field", equalTo("celsius"))
                .body("errors[3].field", equalTo("recordedAt"))
                .body("errors[4].field", equalTo("value"));
    }

    @Test
    void emptyOversizedOrMalformedBodiesAreRefused() {
        Device device = fixtures.seedDevice();
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(reading(device.unitId(), "temperature_c", 2.0, "n-" + i));
        }

        post(device.key(), Map.of("readings", List.of())).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED));
        post(device.key(), Map.of("readings", tooMany)).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED));
        post(device.key(), "{\"readings\": [").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:malformed-request"));
        post(device.key(), "[]").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:malformed-request"));
        String large = "{\"readings\": [], \"padding\": \"" + "x".repeat(600 * 1024) + "\"}";
        post(device.key(), large).then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:payload-too-large"));
        UUID sentinel = fixtures.storeSentinel(device);

        assertThat(fixtures.storedIds(device.unitId())).containsExactly(sentinel);
    }

    private static void assertRefused(Device device, Map<String, Object> reading, String field) {
        post(device.key(), reading).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("errors", hasSize(1))
                .body("errors[0].index", equalTo(0))
                .body("errors[0].field", equalTo(field));
    }
}
