package dev.frostline.telemetry.rest;

import static dev.frostline.telemetry.TelemetryFixtures.batch;
import static dev.frostline.telemetry.TelemetryFixtures.post;
import static dev.frostline.telemetry.TelemetryFixtures.reading;
import static dev.frostline.telemetry.TelemetryFixtures.sensorReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.frostline.telemetry.FixtureTest;
import dev.frostline.telemetry.TelemetryFixtures.Device;
import dev.frostline.telemetry.TelemetryFixtures.Sensor;
import dev.frostline.telemetry.TelemetryFixtures.StoredReading;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Readings that name their sensor (by DevEUI or ID) instead of, or as well as, their unit. */
@QuarkusTest
class SensorReadingIngestTest extends FixtureTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String VALIDATION_FAILED = "urn:frostline:problem:validation-failed";

    @Test
    void aReadingNamingItsSensorIsStoredForTheSensorsUnitWithSensorAndMessageId() {
        Device device = fixtures.seedDevice();
        Sensor sensor = fixtures.seedSensor(device, device.unitId());
        Map<String, Object> byId = Map.of("sensorId", sensor.sensorId().toString(), "metric", "humidity_pct",
                "value", 64.5, "messageId", "by-id");

        List<String> ids = post(device.key(), batch(
                sensorReading(sensor.devEui().toLowerCase(), "temperature_c", -19.25, "by-eui"), byId,
                Map.of("unitId", device.unitId().toString(), "devEui", sensor.devEui(), "metric", "battery_pct",
                        "value", 88)))
                .then().statusCode(202).body("accepted", equalTo(3)).extract().path("ids");

        ids.forEach(id -> fixtures.awaitStored(device.unitId(), UUID.fromString(id)));
        StoredReading first = fixtures.stored(UUID.fromString(ids.get(0)));
        assertThat(first.unitId()).isEqualTo(device.unitId());
        assertThat(first.sensorId()).isEqualTo(sensor.sensorId());
        assertThat(first.messageId()).isEqualTo("by-eui");
        assertThat(first.value()).isEqualTo(-19.25);
        assertThat(fixtures.stored(UUID.fromString(ids.get(1))).sensorId()).isEqualTo(sensor.sensorId());
        assertThat(fixtures.stored(UUID.fromString(ids.get(2))).messageId()).isNull();
    }

    @Test
    void aReadingNamingOnlyItsUnitIsStoredWithTheUnitsPrimarySensorOrNone() {
        Device device = fixtures.seedDevice();
        String before = post(device.key(), reading(device.unitId(), "temperature_c", 2.0, "before"))
                .then().statusCode(202).extract().path("ids[0]");
        Sensor sensor = fixtures.seedSensor(device, device.unitId());
        fixtures.makePrimary(device, sensor);

        String after = post(device.key(), reading(device.unitId(), "temperature_c", 2.5, "after"))
                .then().statusCode(202).extract().path("ids[0]");

        fixtures.awaitStored(device.unitId(), UUID.fromString(after));
        fixtures.awaitStored(device.unitId(), UUID.fromString(before));
        assertThat(fixtures.stored(UUID.fromString(before)).sensorId()).isNull();
        assertThat(fixtures.stored(UUID.fromString(after)).sensorId()).isEqualTo(sensor.sensorId());
    }

    @Test
    void anotherOrgsSensorIsRefusedExactlyLikeAnUnknownOneAndNothingIsStored() {
        Device mine = fixtures.seedDevice();
        Device theirs = fixtures.seedDevice();
        Sensor theirSensor = fixtures.seedSensor(theirs, theirs.unitId());

        String byTheirEui = refusedReason(mine, sensorReading(theirSensor.devEui(), "temperature_c", 2.0, "x"), "devEui");
        String byUnknownEui = refusedReason(mine, sensorReading("00112233AABBCCDD", "temperature_c", 2.0, "x"), "devEui");
        String byTheirId = refusedReason(mine, Map.of("sensorId", theirSensor.sensorId().toString(),
                "metric", "temperature_c", "value", 2.0), "sensorId");
        String byUnknownId = refusedReason(mine, Map.of("sensorId", UUID.randomUUID().toString(),
                "metric", "temperature_c", "value", 2.0), "sensorId");

        assertThat(byTheirEui).isEqualTo(byUnknownEui).isEqualTo(byTheirId).isEqualTo(byUnknownId);
        UUID sentinel = fixtures.storeSentinel(theirs);
        assertThat(fixtures.storedIds(theirs.unitId())).containsExactly(sentinel);
    }

    @Test
    void anUnassignedDeletedOrOutOfScopeSensorIsRefusedLikeAnUnknownOne() {
        Device device = fixtures.seedDevice();
        Sensor unassigned = fixtures.seedSensor(device, null);
        UUID unitOfSiteB = fixtures.seedUnit(device, UUID.randomUUID());
        Sensor onSiteB = fixtures.seedSensor(device, unitOfSiteB);
        Sensor deleted = fixtures.seedSensor(device, device.unitId());
        fixtures.produceSensor(device, deleted, true, 2);
        String siteAKey = fixtures.seedSiteKey(device, device.siteId(), device.unitId());
        fixtures.awaitRefusedSensor(device.key(), deleted.devEui());

        String unknown = refusedReason(device, sensorReading("FFEEDDCCBBAA9988", "temperature_c", 2.0, "u"), "devEui");
        String forUnassigned = refusedReason(device, sensorReading(unassigned.devEui(), "temperature_c", 2.0, "u"),
                "devEui");
        String forDeleted = refusedReason(device, sensorReading(deleted.devEui(), "temperature_c", 2.0, "d"), "devEui");
        String forOtherSite = post(siteAKey, sensorReading(onSiteB.devEui(), "temperature_c", 2.0, "s")).then()
                .statusCode(400).body("errors[0].field", equalTo("devEui")).extract().path("errors[0].reason");

        assertThat(forUnassigned).isEqualTo(unknown).isEqualTo(forDeleted).isEqualTo(forOtherSite);
        // The org-wide key reaches the sensor of site B: the refusal was the scope.
        String accepted = post(device.key(), sensorReading(onSiteB.devEui(), "temperature_c", 2.0, "ok")).then()
                .statusCode(202).extract().path("ids[0]");
        fixtures.awaitStored(unitOfSiteB, UUID.fromString(accepted));
        assertThat(fixtures.storedIds(unitOfSiteB)).containsExactly(UUID.fromString(accepted));
        UUID sentinel = fixtures.storeSentinel(device);
        assertThat(fixtures.storedIds(device.unitId())).containsExactly(sentinel);
    }

    @Test
    void aBatchWithOneBadSensorReadingIsRefusedWholeAndNothingIsStored() {
        Device device = fixtures.seedDevice();
        Sensor sensor = fixtures.seedSensor(device, device.unitId());

        post(device.key(), batch(sensorReading(sensor.devEui(), "temperature_c", 2.0, "ok-1"),
                sensorReading("not-a-dev-eui", "temperature_c", 2.0, "bad"),
                sensorReading(sensor.devEui(), "temperature_c", 3.0, "ok-2"),
                Map.of("unitId", UUID.randomUUID().toString(), "devEui", sensor.devEui(), "metric", "temperature_c",
                        "value", 1.0)))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("errors", hasSize(2))
                .body("errors[0].index", equalTo(1)).body("errors[0].field", equalTo("devEui"))
                .body("errors[1].index", equalTo(3)).body("errors[1].field", equalTo("unitId"));

        UUID sentinel = fixtures.storeSentinel(device);
        assertThat(fixtures.storedIds(device.unitId())).containsExactly(sentinel);
    }

    @Test
    void aRetriedSensorReadingIsStoredOnceWithOrWithoutAMessageId() {
        Device device = fixtures.seedDevice();
        Sensor sensor = fixtures.seedSensor(device, device.unitId());
        Map<String, Object> withMessageId = sensorReading(sensor.devEui(), "temperature_c", 4.0, "retry-me");
        Map<String, Object> withoutMessageId = sensorReading(sensor.devEui(), "humidity_pct", 50, null);
        withoutMessageId.put("recordedAt", Instant.parse("2026-01-05T10:00:00.123Z").toString());
        // The same message again, its time left to the server this time: still the same reading.
        Map<String, Object> retriedWithoutTime = sensorReading(sensor.devEui(), "temperature_c", 4.0, "retry-me");
        retriedWithoutTime.remove("recordedAt");

        List<String> first = post(device.key(), batch(withMessageId, withoutMessageId)).then().statusCode(202)
                .extract().path("ids");
        List<String> second = post(device.key(), batch(retriedWithoutTime, withoutMessageId)).then().statusCode(202)
                .extract().path("ids");
        UUID sentinel = fixtures.storeSentinel(device);

        assertThat(second).isEqualTo(first);
        assertThat(fixtures.storedIds(device.unitId())).containsExactlyInAnyOrder(UUID.fromString(first.get(0)),
                UUID.fromString(first.get(1)), sentinel);
    }

    @Test
    void twoSensorsOfOneUnitMeasuringAtTheSameInstantAreTwoReadings() {
        Device device = fixtures.seedDevice();
        Sensor left = fixtures.seedSensor(device, device.unitId());
        Sensor right = fixtures.seedSensor(device, device.unitId());
        Map<String, Object> fromLeft = sensorReading(left.devEui(), "temperature_c", -18.0, null);
        Map<String, Object> fromRight = sensorReading(right.devEui(), "temperature_c", -17.5, null);
        fromRight.put("recordedAt", fromLeft.get("recordedAt"));

        List<String> ids = post(device.key(), batch(fromLeft, fromRight)).then().statusCode(202).extract().path("ids");

        assertThat(ids).doesNotHaveDuplicates();
        ids.forEach(id -> fixtures.awaitStored(device.unitId(), UUID.fromString(id)));
    }

    private static String refusedReason(Device device, Map<String, Object> reading, String field) {
        return post(device.key(), reading).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(VALIDATION_FAILED))
                .body("errors", hasSize(1))
                .body("errors[0].index", equalTo(0))
                .body("errors[0].field", equalTo(field))
                .extract().path("errors[0].reason");
    }
}
