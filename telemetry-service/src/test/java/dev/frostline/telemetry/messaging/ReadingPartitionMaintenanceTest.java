package dev.frostline.telemetry.messaging;

import static dev.frostline.telemetry.TelemetryFixtures.post;
import static dev.frostline.telemetry.TelemetryFixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.frostline.telemetry.FixtureTest;
import dev.frostline.telemetry.TelemetryFixtures.Device;
import dev.frostline.telemetry.reading.ReadingPartitions;
import dev.frostline.telemetry.repository.ReadingPartitionStore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The monthly partitions of readings, against the real PostgreSQL. */
@QuarkusTest
class ReadingPartitionMaintenanceTest extends FixtureTest {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'readings_y'yyyy'm'MM");

    @Inject
    ReadingPartitionStore store;

    @Inject
    AgroalDataSource db;

    @Test
    void theCurrentMonthAndTwoAheadHavePartitionsAndAReadingLandsInItsMonth() throws SQLException {
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        Device device = fixtures.seedDevice();
        Map<String, Object> old = reading(device.unitId(), "temperature_c", 3.0, "old");
        Instant threeHundredDaysAgo = Instant.now().minus(Duration.ofDays(300));
        old.put("recordedAt", threeHundredDaysAgo.toString());

        String id = post(device.key(), old).then().statusCode(202).extract().path("ids[0]");
        fixtures.awaitStored(device.unitId(), UUID.fromString(id));

        assertThat(partitions()).contains(thisMonth.format(NAME), thisMonth.plusMonths(1).format(NAME),
                thisMonth.plusMonths(2).format(NAME));
        assertThat(partitionOf(UUID.fromString(id)))
                .isEqualTo(YearMonth.from(threeHundredDaysAgo.atOffset(ZoneOffset.UTC)).format(NAME));
    }

    @Test
    void aReadingOlderThanTheRetentionIsRefused() {
        Device device = fixtures.seedDevice();
        Map<String, Object> tooOld = reading(device.unitId(), "temperature_c", 3.0, "too-old");
        tooOld.put("recordedAt", Instant.now().minus(Duration.ofDays(401)).toString());

        post(device.key(), tooOld).then().statusCode(400).body("errors[0].field", equalTo("recordedAt"));
    }

    @Test
    void aCreatedPartitionTakesItsMonthsRowsFromTheDefaultAndAnExpiredOneIsDropped() throws SQLException {
        UUID id = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        // 1999 has no partition: the rows go to the default partitions.
        execute("insert into readings (id, org_id, unit_id, metric, value, recorded_at, received_at)"
                + " values ('" + id + "', gen_random_uuid(), '" + unit + "', 'temperature_c', 1,"
                + " '1999-06-15T00:00:00Z', now())");
        execute("insert into reading_rollups_15m (org_id, unit_id, metric, bucket_start, n, sum, min, max)"
                + " values (gen_random_uuid(), '" + unit + "', 'temperature_c', '1999-06-15T00:00:00Z', 1, 1, 1, 1)");
        assertThat(partitionOf(id)).isEqualTo("readings_default");
        assertThat(rollupPartitionOf(unit)).isEqualTo("reading_rollups_15m_default");
        YearMonth june = YearMonth.of(1999, 6);
        ReadingPartitions.Partition partition = new ReadingPartitions.Partition(june.format(NAME),
                Instant.parse("1999-06-01T00:00:00Z"), Instant.parse("1999-07-01T00:00:00Z"));
        try {
            ReadingPartitionStore.Change created = store.maintain(List.of(partition), existing -> List.of())
                    .await().atMost(Duration.ofSeconds(30));
            assertThat(created.created()).containsExactly("readings_y1999m06", "reading_rollups_15m_y1999m06");
            assertThat(partitionOf(id)).isEqualTo("readings_y1999m06");
            assertThat(rollupPartitionOf(unit)).isEqualTo("reading_rollups_15m_y1999m06");

            List<String> june1999 = List.of("readings_y1999m06", "reading_rollups_15m_y1999m06");
            ReadingPartitionStore.Change dropped = store.maintain(List.of(), existing -> existing.stream()
                    .filter(june1999::contains).toList()).await().atMost(Duration.ofSeconds(30));
            assertThat(dropped.dropped()).containsExactlyInAnyOrderElementsOf(june1999);
            assertThat(partitions()).doesNotContain("readings_y1999m06");
            assertThat(partitionOf(id)).isNull();
            assertThat(rollupPartitionOf(unit)).isNull();
        } finally {
            execute("drop table if exists readings_y1999m06");
            execute("drop table if exists reading_rollups_15m_y1999m06");
            execute("delete from readings_default where id = '" + id + "'");
            execute("delete from reading_rollups_15m_default where unit_id = '" + unit + "'");
        }
    }

    private List<String> partitions() throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement("select c.relname from pg_inherits i"
                        + " join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent"
                        + " join pg_namespace n on n.oid = p.relnamespace"
                        + " where p.relname = 'readings' and n.nspname = current_schema()");
                ResultSet rows = statement.executeQuery()) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private String partitionOf(UUID readingId) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select c.relname from readings r join pg_class c on c.oid = r.tableoid where r.id = ?")) {
            statement.setObject(1, readingId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private String rollupPartitionOf(UUID unitId) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement("select c.relname from reading_rollups_15m r"
                        + " join pg_class c on c.oid = r.tableoid where r.unit_id = ?")) {
            statement.setObject(1, unitId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
