package dev.frostline.telemetry.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.contracts.events.TelemetryEvent;
import dev.frostline.telemetry.FixtureTest;
import dev.frostline.telemetry.TelemetryFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The persister's batches, applied directly: what a redelivery or a reordering does to the store. */
@QuarkusTest
class ReadingPersisterTest extends FixtureTest {

    @Inject
    ReadingPersister persister;

    @Inject
    AgroalDataSource db;

    private static final Instant T0 = TelemetryFixtures.now().minusSeconds(3600);

    private static ReadingRecorded event(UUID orgId, UUID unitId, UUID sensorId, String metric, double value,
            int recordedSecond, int receivedSecond) {
        return new ReadingRecorded(UUID.randomUUID(), orgId, null, unitId, metric, value, T0.plusSeconds(recordedSecond),
                T0.plusSeconds(receivedSecond), sensorId, "m-" + recordedSecond);
    }

    private void persist(TelemetryEvent... events) {
        // A null stands for a record the deserializer could not read: skipped, not fatal.
        persister.persist(new ArrayList<>(Arrays.asList(events))).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void aRedeliveredBatchChangesNothingAndADuplicateInsideABatchIsStoredOnce() {
        UUID org = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        List<ReadingRecorded> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(event(org, unit, null, "temperature_c", -18 + i % 3, i, i));
        }
        batch.add(batch.get(7));

        persist(batch.toArray(TelemetryEvent[]::new));
        persist(batch.toArray(TelemetryEvent[]::new));
        persist(batch.get(0), null, batch.get(299));

        assertThat(fixtures.storedIds(unit)).hasSize(300)
                .containsExactlyInAnyOrderElementsOf(batch.subList(0, 300).stream().map(ReadingRecorded::eventId).toList());
        assertThat(fixtures.stored(batch.get(5).eventId()).messageId()).isEqualTo("m-5");
    }

    @Test
    void aRedeliveredBatchLeavesTheRollupsUnchangedAndOnlyANewReadingIsAdded() throws SQLException {
        UUID org = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        List<ReadingRecorded> batch = new ArrayList<>();
        // Every 37 s over about three hours: a dozen quarter hours, some of them shared with the next batch.
        for (int i = 0; i < 300; i++) {
            batch.add(event(org, unit, null, "temperature_c", -18 + i % 5 * 0.5, i * 37, i * 37));
        }
        batch.add(batch.get(3));

        persist(batch.toArray(TelemetryEvent[]::new));
        Map<Instant, List<Double>> once = rollups(unit);
        assertThat(once).isEqualTo(expectedRollups(batch.subList(0, 300)));

        persist(batch.toArray(TelemetryEvent[]::new));
        persist(batch.get(0), batch.get(150), batch.get(299));
        assertThat(rollups(unit)).isEqualTo(once);

        ReadingRecorded late = event(org, unit, null, "temperature_c", 7, 299 * 37 + 1, 299 * 37 + 1);
        persist(batch.get(299), late, late);
        List<ReadingRecorded> all = new ArrayList<>(batch.subList(0, 300));
        all.add(late);
        assertThat(rollups(unit)).isEqualTo(expectedRollups(all));
    }

    /** Per quarter hour (UTC) of recordedAt: count, sum, min and max, computed here. */
    private static Map<Instant, List<Double>> expectedRollups(List<ReadingRecorded> readings) {
        Map<Instant, DoubleSummaryStatistics> buckets = new TreeMap<>();
        for (ReadingRecorded reading : readings) {
            long second = reading.recordedAt().getEpochSecond();
            buckets.computeIfAbsent(Instant.ofEpochSecond(Math.floorDiv(second, 900) * 900),
                    k -> new DoubleSummaryStatistics()).accept(reading.value());
        }
        Map<Instant, List<Double>> expected = new TreeMap<>();
        buckets.forEach((start, stats) -> expected.put(start,
                List.of((double) stats.getCount(), stats.getSum(), stats.getMin(), stats.getMax())));
        return expected;
    }

    private Map<Instant, List<Double>> rollups(UUID unitId) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement("select bucket_start, n, sum, min, max"
                        + " from reading_rollups_15m where unit_id = ? and metric = 'temperature_c'")) {
            statement.setObject(1, unitId);
            Map<Instant, List<Double>> rollups = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rollups.put(rows.getObject(1, OffsetDateTime.class).toInstant(), List.of((double) rows.getLong(2),
                            rows.getDouble(3), rows.getDouble(4), rows.getDouble(5)));
                }
            }
            return rollups;
        }
    }

    @Test
    void sensorStatusKeepsTheLatestContactAndTheLatestMeasuredBatteryInWhateverOrderBatchesArrive() throws Exception {
        UUID org = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        UUID sensor = UUID.randomUUID();

        persist(event(org, unit, sensor, "battery_pct", 80, 200, 210));
        persist(event(org, unit, sensor, "battery_pct", 90, 100, 300), event(org, unit, sensor, "temperature_c", -18, 150, 250));
        persist(event(org, unit, sensor, "temperature_c", -18, 50, 60));

        assertThat(status(sensor)).containsExactly(T0.plusSeconds(300).toString(), "80.0", T0.plusSeconds(200).toString());

        persist(event(org, unit, sensor, "battery_pct", 75, 400, 400));
        assertThat(status(sensor)).containsExactly(T0.plusSeconds(400).toString(), "75.0", T0.plusSeconds(400).toString());
    }

    private List<String> status(UUID sensorId) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select last_seen_at, battery_pct, battery_at from sensor_status where sensor_id = ?")) {
            statement.setObject(1, sensorId);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return List.of(row.getObject(1, OffsetDateTime.class).toInstant().toString(),
                        String.valueOf(row.getDouble(2)), row.getObject(3, OffsetDateTime.class).toInstant().toString());
            }
        }
    }
}
