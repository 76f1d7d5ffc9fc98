package dev.frostline.telemetry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.telemetry.FixtureTest;
import dev.frostline.telemetry.TelemetryFixtures;
import dev.frostline.telemetry.TelemetryFixtures.Device;
import dev.frostline.telemetry.TelemetryFixtures.Sensor;
import dev.frostline.telemetry.TelemetryFixtures.StoredReading;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Things Stack v3 uplink webhook, fed messages in the published format (src/test/resources/lorawan). */
@QuarkusTest
class TtsWebhookResourceTest extends FixtureTest {

    private static final String WEBHOOK = "/api/telemetry/lorawan/tts";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String LHT65 = "lorawan/tts-uplink-dragino-lht65.json";
    private static final String EM300 = "lorawan/tts-uplink-milesight-em300-th.json";
    private static final String UNDECODED = "lorawan/tts-uplink-without-decoded-payload.json";

    /** A realistic TTS time: nanoseconds, a little in the past. */
    private static final Instant RECEIVED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30)
            .plusNanos(345_678_901);

    private static String uplink(String fixture, String devEui) {
        try (InputStream in = TtsWebhookResourceTest.class.getClassLoader().getResourceAsStream(fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${DEV_EUI}", devEui).replace("${RECEIVED_AT}", RECEIVED_AT.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response deliver(String secret, String body) {
        return given().header(TtsWebhookResource.SECRET_HEADER, secret).contentType(ContentType.JSON).body(body)
                .post(WEBHOOK);
    }

    @Test
    void aGoodUplinkIsStoredAsTheMappedReadingsOfItsSensorAtItsReceptionTime() {
        Device device = fixtures.seedDevice();
        Sensor sensor = fixtures.seedSensor(device, device.unitId());

        List<String> ids = deliver(device.key(), uplink(LHT65, sensor.devEui())).then().statusCode(202)
                .body("accepted", equalTo(2)).extract().path("ids");

        ids.forEach(id -> fixtures.awaitStored(device.unitId(), UUID.fromString(id)));
        StoredReading temperature = fixtures.stored(UUID.fromString(ids.get(0)));
        StoredReading humidity = fixtures.stored(UUID.fromString(ids.get(1)));
        assertThat(temperature.metric()).isEqualTo("temperature_c");
        assertThat(temperature.value()).isEqualTo(-18.46);
        assertThat(humidity.metric()).isEqualTo("humidity_pct");
        assertThat(humidity.value()).isEqualTo(48.9);
        assertThat(List.of(temperature, humidity)).allSatisfy(stored -> {
            assertThat(stored.sensorId()).isEqualTo(sensor.sensorId());
            assertThat(stored.unitId()).isEqualTo(device.unitId());
            assertThat(stored.recordedAt()).isEqualTo(RECEIVED_AT.truncatedTo(ChronoUnit.MICROS));
            assertThat(stored.messageId()).isEqualTo(sensor.devEui() + ":AZOq7Lk5cWUHpXcTqE3Jhw==:4711");
        });
    }

    @Test
    void theApiKeyHeaderIsReadAsWellAndAPercentBatteryIsMapped() {
        Device device = fixtures.seedDevice();
        Sensor sensor = fixtures.seedSensor(device, device.unitId());

        List<String> ids = given().header(ApiKeyFormat.HEADER, device.key()).contentType(ContentType.JSON)
                .body(uplink(EM300, sensor.devEui())).post(WEBHOOK)
                .then().statusCode(202).body("accepted", equalTo(3)).extract().path("ids");

        ids.forEach(id -> fixtures.awaitStored(device.unitId(), UUID.fromString(id)));
        assertThat(ids.stream().map(id -> fixtures.stored(UUID.fromString(id)).metric()))
                .containsExactly("temperature_c", "humidity_pct", "battery_pct");
    }

    @Test
    void aRetriedUplinkIsStoredOnce() {
        Device device = fixtures.seedDevice();
        Sensor sensor = fixtures.seedSensor(device, device.unitId());
        String body = uplink(LHT65, sensor.devEui());

        List<String> first = deliver(device.key(), body).then().statusCode(202).extract().path("ids");
        List<String> second = deliver(device.key(), body).then().statusCode(202).extract().path("ids");
        UUID sentinel = fixtures.storeSentinel(device);

        assertThat(second).isEqualTo(first);
        assertThat(fixtures.storedIds(device.unitId())).containsExactlyInAnyOrder(UUID.fromString(first.get(0)),
                UUID.fromString(first.get(1)), sentinel);
    }

    @Test
    void anUnknownDevEuiAnotherOrgsAndAnUnassignedOneAreRefusedAlikeAndNothingIsStored() {
        Device mine = fixtures.seedDevice();
        Device theirs = fixtures.seedDevice();
        Sensor theirSensor = fixtures.seedSensor(theirs, theirs.unitId());
        Sensor unassigned = fixtures.seedSensor(mine, null);

        String unknown = refusedDevEui(mine, TelemetryFixtures.newDevEui());
        String ofTheirs = refusedDevEui(mine, theirSensor.devEui());
        String ofUnassigned = refusedDevEui(mine, unassigned.devEui());

        assertThat(ofTheirs).isEqualTo(unknown).isEqualTo(ofUnassigned);
        UUID sentinel = fixtures.storeSentinel(theirs);
        assertThat(fixtures.storedIds(theirs.unitId())).containsExactly(sentinel);
    }

    @Test
    void aMissingOrWrongSecretIsRefusedWith401() {
        Device device = fixtures.seedDevice();
        Sensor sensor = fixtures.seedSensor(device, device.unitId());
        String body = uplink(LHT65, sensor.devEui());

        deliver(TelemetryFixtures.newKey(), body).then().statusCode(401).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:invalid-api-key"));
        given().contentType(ContentType.JSON).body(body).post(WEBHOOK).then().statusCode(401)
                .contentType(PROBLEM_JSON);
        UUID sentinel = fixtures.storeSentinel(device);
        assertThat(fixtures.storedIds(device.unitId())).containsExactly(sentinel);
    }

    @Test
    void anUplinkWithoutADecodedPayloadIs422AndOneWithNoMappedFieldIsAcceptedEmpty() {
        Device device = fixtures.seedDevice();
        Sensor sensor = fixtures.seedSensor(device, device.unitId());
        String statusOnly = uplink(LHT65, sensor.devEui()).replace("\"Hum_SHT\": 48.9,", "")
                .replace("\"TempC_SHT\": -18.46", "\"TempC_X\": 1");

        deliver(device.key(), uplink(UNDECODED, sensor.devEui())).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:no-decoded-payload"));
        deliver(device.key(), statusOnly).then().statusCode(202).body("accepted", equalTo(0)).body("ids", hasSize(0));

        UUID sentinel = fixtures.storeSentinel(device);
        assertThat(fixtures.storedIds(device.unitId())).containsExactly(sentinel);
    }

    @Test
    void aMessageThatIsNotAUsableUplinkIsRefusedWith400AndNothingIsStored() {
        Device device = fixtures.seedDevice();
        Sensor sensor = fixtures.seedSensor(device, device.unitId());
        String good = uplink(LHT65, sensor.devEui());

        deliver(device.key(), good.replace("\"dev_eui\": \"" + sensor.devEui() + "\",", "")).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("type", equalTo("urn:frostline:problem:validation-failed"))
                .body("errors[0].field", equalTo("end_device_ids.dev_eui"));
        deliver(device.key(), good.replace("\"received_at\": \"" + RECEIVED_AT + "\",\n  \"uplink_message\"",
                "\"received_at\": \"yesterday\",\n  \"uplink_message\"")).then().statusCode(400)
                .body("errors[0].field", equalTo("received_at"));
        deliver(device.key(), good.replace("\"TempC_SHT\": -18.46", "\"TempC_SHT\": \"-18.46\"")).then()
                .statusCode(400).body("errors[0].field", equalTo("uplink_message.decoded_payload.TempC_SHT"));
        deliver(device.key(), good.replace("\"Hum_SHT\": 48.9", "\"Hum_SHT\": 148.9")).then()
                .statusCode(400).body("errors[0].field", equalTo("value"));
        deliver(device.key(), "{\"end_device_ids\": ").then().statusCode(400)
                .body("type", equalTo("urn:frostline:problem:malformed-request"));

        UUID sentinel = fixtures.storeSentinel(device);
        assertThat(fixtures.storedIds(device.unitId())).containsExactly(sentinel);
    }

    private String refusedDevEui(Device device, String devEui) {
        return deliver(device.key(), uplink(LHT65, devEui)).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:frostline:problem:validation-failed"))
                .body("errors[0].field", equalTo("devEui"))
                .extract().path("errors[0].reason");
    }
}
