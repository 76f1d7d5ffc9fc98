package dev.frostline.telemetry.messaging;

import static dev.frostline.telemetry.TelemetryFixtures.keyState;
import static dev.frostline.telemetry.TelemetryFixtures.post;
import static dev.frostline.telemetry.TelemetryFixtures.reading;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.telemetry.FixtureTest;
import dev.frostline.telemetry.TelemetryFixtures;
import dev.frostline.telemetry.TelemetryFixtures.Device;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyProjectorTest extends FixtureTest {

    private static final String INVALID_API_KEY = "urn:frostline:problem:invalid-api-key";

    private static void assertInvalidKey(Response response) {
        response.then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(INVALID_API_KEY));
    }

    @Test
    void missingMalformedUnknownOrForgedKeysAreRefusedAndNothingIsStored() {
        Device device = fixtures.seedDevice();
        String prefix = ApiKeyFormat.prefixOf(device.key()).orElseThrow();
        String forged = ApiKeyFormat.compose(prefix, "x".repeat(ApiKeyFormat.SECRET_LENGTH));
        Object valid = reading(device.unitId(), "temperature_c", 1.0, "refused");

        assertInvalidKey(given().contentType(ContentType.JSON).body(valid).post(TelemetryFixtures.INGEST));
        assertInvalidKey(post("not-a-key", valid));
        assertInvalidKey(post(TelemetryFixtures.newKey(), valid));
        assertInvalidKey(post(forged, valid));
        UUID sentinel = fixtures.storeSentinel(device);

        assertThat(fixtures.storedIds(device.unitId())).containsExactly(sentinel);
    }

    @Test
    void revokedKeyIsRefusedOnceTheRevocationIsProjectedAndNothingIsStored() {
        Device device = fixtures.seedDevice();

        fixtures.produceKey(keyState(device.keyId(), device.orgId(), device.key(), true, TelemetryFixtures.now()));
        fixtures.awaitRefused(device.key(), device.unitId());

        assertInvalidKey(post(device.key(), reading(device.unitId(), "temperature_c", 1.0, "after-revoke")));
        UUID sentinel = fixtures.storeSentinel(device, fixtures.seedSecondKey(device));
        assertThat(fixtures.storedIds(device.unitId())).containsExactly(sentinel);
    }

    @Test
    void aStaleOrEquallyOldActiveStateNeverRevivesARevokedKey() {
        Device device = fixtures.seedDevice();
        Instant revokedAt = TelemetryFixtures.now().plusSeconds(1);
        fixtures.produceKey(keyState(device.keyId(), device.orgId(), device.key(), true, revokedAt));
        fixtures.awaitRefused(device.key(), device.unitId());

        fixtures.produceKey(keyState(device.keyId(), device.orgId(), device.key(), false, revokedAt.minusSeconds(60)));
        RecordMetadata tie = fixtures.produceKey(keyState(device.keyId(), device.orgId(), device.key(), false, revokedAt));
        // A marker key behind both records on their partition: once it works, both were applied.
        String marker = TelemetryFixtures.newKey();
        fixtures.produceKey(keyState(UUID.randomUUID(), device.orgId(), marker, false, TelemetryFixtures.now()),
                tie.partition());
        fixtures.awaitAccepted(marker, device.unitId());

        assertInvalidKey(post(device.key(), reading(device.unitId(), "temperature_c", 1.0, "revived?")));
    }
}
