package dev.frostline.telemetry.messaging;

import static dev.frostline.telemetry.MetricsScrape.metrics;
import static dev.frostline.telemetry.MetricsScrape.value;
import static dev.frostline.telemetry.TelemetryFixtures.batch;
import static dev.frostline.telemetry.TelemetryFixtures.post;
import static dev.frostline.telemetry.TelemetryFixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frostline.contracts.Topics;
import dev.frostline.telemetry.FixtureTest;
import dev.frostline.telemetry.TelemetryFixtures.Device;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The persister's lag meters: the consumer lag of its group rises while readings are accepted but
 * cannot be stored (the readings table is locked) and falls once they are; the lag histogram
 * counts every stored reading. Neither names a unit, an org or a partition.
 */
@QuarkusTest
class PersisterMetricsTest extends FixtureTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int READINGS = 50;

    @ConfigProperty(name = "mp.messaging.incoming.readings-persister.group.id")
    String group;

    private String lagSeries() {
        return "frostline_telemetry_consumer_lag_records{group=\"" + group + "\",topic=\"" + Topics.READINGS + "\"}";
    }

    @Test
    void consumerLagRisesWhileReadingsCannotBeStoredAndFallsOnceTheyAre() throws Exception {
        Device device = fixtures.seedDevice();
        fixtures.storeSentinel(device);
        String before = metrics();
        List<Map<String, Object>> readings = new ArrayList<>();
        for (int i = 0; i < READINGS; i++) {
            readings.add(reading(device.unitId(), "temperature_c", 3.0, "lag-" + i));
        }

        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // Inserts wait for this lock: the persister takes the readings from Kafka but cannot commit them.
                lock.execute("lock table readings in exclusive mode");
            }
            post(device.key(), batch(readings.toArray())).then().statusCode(202);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                    .until(() -> value(metrics(), lagSeries()) >= READINGS);
            blocker.rollback();
        }

        fixtures.storeSentinel(device);
        // At most one uncounted commit marker per partition stays once every reading is stored.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> value(metrics(), lagSeries()) < READINGS);
        String after = metrics();
        String stored = "frostline_telemetry_persister_lag_seconds_count{}";
        assertThat(value(after, stored) - value(before, stored)).isGreaterThanOrEqualTo(READINGS + 1);
        assertThat(value(after, "frostline_telemetry_persister_lag_seconds_sum{}"))
                .isGreaterThan(value(before, "frostline_telemetry_persister_lag_seconds_sum{}"));
        assertThat(after).contains("frostline_telemetry_persister_lag_seconds_bucket{le=")
                .doesNotContain(device.unitId().toString()).doesNotContain(device.orgId().toString())
                .doesNotContainPattern("frostline_telemetry_consumer_lag_records\\{[^}]*partition");
    }
}
