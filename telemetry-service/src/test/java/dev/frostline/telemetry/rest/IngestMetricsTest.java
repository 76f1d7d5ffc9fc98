package dev.frostline.telemetry.rest;

import static dev.frostline.telemetry.MetricsScrape.metrics;
import static dev.frostline.telemetry.MetricsScrape.value;
import static dev.frostline.telemetry.TelemetryFixtures.batch;
import static dev.frostline.telemetry.TelemetryFixtures.post;
import static dev.frostline.telemetry.TelemetryFixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.telemetry.FixtureTest;
import dev.frostline.telemetry.TelemetryFixtures.Device;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Ingest's Prometheus meters count by endpoint and reason, and never name a unit. */
@QuarkusTest
class IngestMetricsTest extends FixtureTest {

    @Test
    void acceptedAndRefusedReadingsAreCountedByReasonAndRequestsTimedWithoutUnitIds() {
        Device device = fixtures.seedDevice();
        String before = metrics();

        post(device.key(), batch(reading(device.unitId(), "temperature_c", 2.0, "a"),
                reading(device.unitId(), "humidity_pct", 50, "b"))).then().statusCode(202);
        post(device.key(), batch(reading(device.unitId(), "temperature_c", 200.0, "hot"),
                reading(device.unitId(), "pressure", 1.0, "p"), reading(device.unitId(), "humidity_pct", 50, "c")))
                .then().statusCode(400);
        fixtures.storeSentinel(device);
        String after = metrics();

        String accepted = "frostline_telemetry_readings_accepted_total{endpoint=\"readings\"}";
        // Two readings and the sentinel.
        assertThat(value(after, accepted) - value(before, accepted)).isEqualTo(3);
        for (String reason : new String[] { "value", "metric", "batch" }) {
            String refused = "frostline_telemetry_readings_refused_total{endpoint=\"readings\",reason=\"" + reason + "\"}";
            assertThat(value(after, refused) - value(before, refused)).as(reason).isEqualTo(1);
        }
        String acceptedRequests = "frostline_telemetry_ingest_seconds_count{endpoint=\"readings\",outcome=\"accepted\"}";
        String refusedRequests = "frostline_telemetry_ingest_seconds_count{endpoint=\"readings\",outcome=\"validation-failed\"}";
        assertThat(value(after, acceptedRequests) - value(before, acceptedRequests)).isGreaterThanOrEqualTo(1);
        assertThat(value(after, refusedRequests) - value(before, refusedRequests)).isGreaterThanOrEqualTo(1);
        assertThat(after).contains("frostline_telemetry_ingest_seconds_bucket{endpoint=\"readings\"")
                .contains("frostline_telemetry_persister_batch_size_readings")
                .doesNotContain(device.unitId().toString()).doesNotContain(device.orgId().toString());
    }
}
