package dev.frostline.telemetry.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.telemetry.TelemetryFixtures;
import dev.frostline.telemetry.reading.DevEui;
import dev.frostline.telemetry.reading.WritableTargets.KnownSensor;
import dev.frostline.telemetry.reading.WritableTargets.KnownUnit;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ingest's unit and sensor lookups against the real projection tables: only the live units and
 * sensors of the org come back, whatever else a request names.
 */
@QuarkusTest
class LiveTargetReadsTest {

    @Inject
    LiveTargetReads reads;

    @Inject
    AgroalDataSource db;

    private final UUID org = UUID.randomUUID();
    private final UUID otherOrg = UUID.randomUUID();

    @Test
    void onlyTheLiveUnitsOfTheOrgAreFound() throws SQLException {
        UUID site = UUID.randomUUID();
        UUID primarySensor = UUID.randomUUID();
        UUID inSite = unit(org, site, primarySensor, false);
        UUID inNoSite = unit(org, null, null, false);
        UUID deleted = unit(org, site, null, true);
        UUID othersUnit = unit(otherOrg, site, null, false);
        UUID unknown = UUID.randomUUID();

        List<KnownUnit> found = await(reads.liveUnits(List.of(inSite, inNoSite, deleted, othersUnit, unknown), org));

        assertThat(found).containsExactlyInAnyOrder(new KnownUnit(inSite, site, primarySensor),
                new KnownUnit(inNoSite, null, null));
    }

    @Test
    void onlyTheLiveSensorsOfTheOrgAreFoundByIdOrDevEui() throws SQLException {
        UUID onUnit = UUID.randomUUID();
        KnownSensor byId = sensor(org, onUnit, false);
        KnownSensor byDevEui = sensor(org, null, false);
        KnownSensor byBoth = sensor(org, onUnit, false);
        KnownSensor deleted = sensor(org, onUnit, true);
        KnownSensor othersSensor = sensor(otherOrg, UUID.randomUUID(), false);

        List<KnownSensor> found = await(reads.liveSensors(
                List.of(byId.sensorId(), byBoth.sensorId(), deleted.sensorId(), othersSensor.sensorId(), UUID.randomUUID()),
                List.of(normalized(byDevEui), byBoth.devEui(), deleted.devEui(), othersSensor.devEui(),
                        TelemetryFixtures.newDevEui()),
                org));

        assertThat(found).containsExactlyInAnyOrder(byId, byDevEui, byBoth);
    }

    @Test
    void sensorsAreFoundByDevEuiAloneAndByIdAlone() throws SQLException {
        KnownSensor sensor = sensor(org, UUID.randomUUID(), false);

        assertThat(await(reads.liveSensors(List.of(), List.of(sensor.devEui()), org))).containsExactly(sensor);
        assertThat(await(reads.liveSensors(List.of(sensor.sensorId()), List.of(), org))).containsExactly(sensor);
    }

    @Test
    void nothingNamedFindsNothing() throws SQLException {
        unit(org, null, null, false);
        sensor(org, UUID.randomUUID(), false);

        assertThat(await(reads.liveUnits(List.of(), org))).isEmpty();
        assertThat(await(reads.liveSensors(List.of(), List.of(), org))).isEmpty();
    }

    @Test
    void aBatchNamingHundredsOfTargetsIsAnsweredWhole() throws SQLException {
        List<UUID> liveUnits = new ArrayList<>();
        List<KnownSensor> liveSensors = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            UUID unitId = unit(org, null, null, false);
            liveUnits.add(unitId);
            liveSensors.add(sensor(org, unitId, false));
        }
        List<UUID> unitIds = Stream.concat(liveUnits.stream(), Stream.generate(UUID::randomUUID).limit(50)).toList();
        List<String> devEuis = liveSensors.stream().map(KnownSensor::devEui).toList();

        assertThat(await(reads.liveUnits(unitIds, org))).extracting(KnownUnit::unitId)
                .containsExactlyInAnyOrderElementsOf(liveUnits);
        assertThat(await(reads.liveSensors(List.of(), devEuis, org))).containsExactlyInAnyOrderElementsOf(liveSensors);
        // Another batch size runs the same statement.
        assertThat(await(reads.liveUnits(unitIds.subList(0, 101), org))).hasSize(101);
    }

    /** A DevEUI as a device may write it, normalized the way ingest does before looking it up. */
    private static String normalized(KnownSensor sensor) {
        return DevEui.normalize(sensor.devEui().toLowerCase(Locale.ROOT)).orElseThrow();
    }

    private static <T> T await(Uni<T> lookup) {
        return lookup.await().atMost(Duration.ofSeconds(30));
    }

    private UUID unit(UUID orgId, UUID siteId, UUID primarySensorId, boolean deleted) throws SQLException {
        UUID unitId = UUID.randomUUID();
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into unit_projection (unit_id, org_id, site_id, name, deleted, version, updated_at, primary_sensor_id)
                values (?, ?, ?, 'Fridge', ?, 1, ?, ?)
                """)) {
            insert.setObject(1, unitId);
            insert.setObject(2, orgId);
            insert.setObject(3, siteId);
            insert.setBoolean(4, deleted);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.setObject(6, primarySensorId);
            insert.executeUpdate();
        }
        return unitId;
    }

    private KnownSensor sensor(UUID orgId, UUID unitId, boolean deleted) throws SQLException {
        KnownSensor sensor = new KnownSensor(UUID.randomUUID(), TelemetryFixtures.newDevEui(), unitId);
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into sensor_projection (sensor_id, org_id, dev_eui, unit_id, is_primary, deleted, version, updated_at)
                values (?, ?, ?, ?, false, ?, 1, ?)
                """)) {
            insert.setObject(1, sensor.sensorId());
            insert.setObject(2, orgId);
            insert.setString(3, sensor.devEui());
            insert.setObject(4, unitId);
            insert.setBoolean(5, deleted);
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return sensor;
    }
}
