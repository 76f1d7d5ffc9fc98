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
import java.util.List;
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
