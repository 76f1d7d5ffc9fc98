package dev.frostline.telemetry;

import static org.awaitility.Awaitility.await;

import dev.frostline.contracts.Role;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.SensorState;
import dev.frostline.contracts.events.UnitState;
import dev.frostline.telemetry.reading.Reading;
import dev.frostline.telemetry.repository.ReadingBatchWriter;
import dev.frostline.testing.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Seeds what the reading queries read: units of a named site in a time zone and sensors, through the
 * real catalog topics (waiting until telemetry projected them), and readings stored with the
 * persister's own writer (so their 15-minute rollups are kept as in production) without going
 * through ingest, so a test can place them anywhere in time and by the ten thousand. Every site it
 * makes belongs to a fresh org.
 */
public final class QueryFixtures {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);
    /** Readings per stored batch: the persister's default poll size. */
    private static final int BATCH = 1000;

    /** A site of a fresh org; {@code timeZone} null stands for a unit state without a zone. */
    public record Site(UUID orgId, UUID siteId, String name, String timeZone) {

        public String viewerToken() {
            return TestTokens.token(UUID.randomUUID(), orgId, Role.VIEWER);
        }
    }

    /** A stored reading to insert. */
    public record Row(String metric, double value, Instant recordedAt) {
    }

    private final TelemetryFixtures fixtures;
    private final DataSource dataSource;
    private final ReadingBatchWriter writer;

    public QueryFixtures(TelemetryFixtures fixtures, DataSource dataSource, ReadingBatchWriter writer) {
        this.fixtures = fixtures;
        this.dataSource = dataSource;
        this.writer = writer;
    }

    public static Site newSite(String name, String timeZone) {
        return new Site(UUID.randomUUID(), UUID.randomUUID(), name, timeZone);
    }

    /** A live unit of the site, projected when this returns. */
    public UUID seedUnit(Site site, String unitName) {
        UUID unitId = UUID.randomUUID();
        fixtures.produce(Topics.CATALOG_UNITS, unitId.toString(), new UnitState(unitId, site.orgId(), site.siteId(),
                UUID.randomUUID(), unitName, "fridge", false, 1, TelemetryFixtures.now(), site.name(), site.timeZone(),
                null));
        awaitRow("select 1 from unit_projection where unit_id = ? and version >= 1", unitId);
        return unitId;
    }

    /** Deletes the unit in the projection (version 2), as catalog does; applied when this returns. */
    public void deleteUnit(Site site, UUID unitId, String unitName) {
        fixtures.produce(Topics.CATALOG_UNITS, unitId.toString(), new UnitState(unitId, site.orgId(), site.siteId(),
                UUID.randomUUID(), unitName, "fridge", true, 2, TelemetryFixtures.now(), site.name(), site.timeZone(),
                null));
        awaitRow("select 1 from unit_projection where unit_id = ? and deleted", unitId);
    }

    /** A live sensor of the org on the unit (null: on no unit), projected when this returns. */
    public UUID seedSensor(UUID orgId, UUID unitId, UUID siteId) {
        UUID sensorId = UUID.randomUUID();
        fixtures.produce(Topics.CATALOG_SENSORS, sensorId.toString(), new SensorState(sensorId, orgId, null,
                "SN-" + sensorId, "test-model", unitId, siteId, true, false, 1, TelemetryFixtures.now()));
        awaitRow("select 1 from sensor_projection where sensor_id = ?", sensorId);
        return sensorId;
    }

    /** Inserts readings of the unit directly, each with a fresh ID and no sensor. */
    public void insert(Site site, UUID unitId, List<Row> rows) {
        insert(site, unitId, null, rows);
    }

    /** Stores readings the sensor (null: none) made on the unit, each with a fresh ID, as the persister does. */
    public void insert(Site site, UUID unitId, UUID sensorId, List<Row> rows) {
        List<Reading> readings = new ArrayList<>(rows.size());
        Instant now = Instant.now();
        for (Row row : rows) {
            Reading reading = new Reading();
            reading.id = UUID.randomUUID();
            reading.orgId = site.orgId();
            reading.siteId = site.siteId();
            reading.unitId = unitId;
            reading.metric = row.metric();
            reading.value = row.value();
            reading.recordedAt = row.recordedAt();
            reading.receivedAt = now;
            reading.sensorId = sensorId;
            readings.add(reading);
        }
        for (int from = 0; from < readings.size(); from += BATCH) {
            writer.store(readings.subList(from, Math.min(from + BATCH, readings.size())))
                    .await().atMost(Duration.ofSeconds(60));
        }
    }

    /**
     * Inserts {@code count} readings of the unit in one statement, one every {@code step} from
     * {@code start}, valued i mod 100 / 10, straight into readings: bulk data without a round trip per
     * row, for the raw-reading queries only, since it leaves the rollups out.
     */
    public void insertSeries(Site site, UUID unitId, String metric, Instant start, Duration step, int count) {
        String sql = "insert into readings (id, org_id, site_id, unit_id, metric, value, recorded_at, received_at)"
                + " select gen_random_uuid(), ?, ?, ?, ?, (i % 100) / 10.0,"
                + " cast(? as timestamptz) + i * cast(? as bigint) * interval '1 second', now()"
                + " from generate_series(0, cast(? as integer) - 1) as i";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, site.orgId());
            statement.setObject(2, site.siteId());
            statement.setObject(3, unitId);
            statement.setString(4, metric);
            statement.setObject(5, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
            statement.setLong(6, step.toSeconds());
            statement.setInt(7, count);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitRow(String sql, UUID id) {
        await().atMost(PROJECTION_WAIT).pollInterval(Duration.ofMillis(100)).until(() -> exists(sql, id));
    }

    private boolean exists(String sql, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
