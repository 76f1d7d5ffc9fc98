package dev.frostline.telemetry.rest;

import static dev.frostline.telemetry.TelemetryFixtures.post;
import static dev.frostline.telemetry.TelemetryFixtures.reading;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.when;

import dev.frostline.telemetry.FixtureTest;
import dev.frostline.telemetry.TelemetryFixtures.Device;
import dev.frostline.telemetry.messaging.TransactionalPublisher;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Kafka is where a reading becomes durable: without its commit the device must retry. What an
 * aborted transaction leaves visible (nothing) is proven against the real broker in
 * TransactionalPublishingTest and, failure by failure, in TransactionLaneTest.
 */
@QuarkusTest
class ReadingIngestUnavailableTest extends FixtureTest {

    @InjectMock
    TransactionalPublisher publisher;

    @Test
    void kafkaRefusingTheReadingsAnswers503WithRetryAfter() {
        Device device = fixtures.seedDevice();
        when(publisher.publishAtomically(anyList(), any())).thenReturn(Uni.createFrom().failure(new TimeoutException("no brokers")));

        post(device.key(), reading(device.unitId(), "temperature_c", 1.0, "m")).then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:frostline:problem:service-unavailable"));
    }

    @Test
    void kafkaNotAcknowledgingInTimeAnswers503WithRetryAfter() {
        Device device = fixtures.seedDevice();
        when(publisher.publishAtomically(anyList(), any())).thenReturn(Uni.createFrom().nothing());

        post(device.key(), reading(device.unitId(), "temperature_c", 1.0, "m")).then().statusCode(503)
                .header("Retry-After", "5")
                .body("type", equalTo("urn:frostline:problem:service-unavailable"));
    }
}
