package dev.frostline.telemetry.repository;

import dev.frostline.telemetry.reading.WritableTargets.KnownSensor;
import dev.frostline.telemetry.reading.WritableTargets.KnownUnit;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The live units and sensors of an org that an ingest request names, from the catalog projections,
 * as plain SQL on the reactive pool: these run for every request, and an ORM session with an HQL
 * plan per list size and hydrated entities was a large share of telemetry's CPU under the ingest
 * bench. The IDs go in as arrays, so each statement's text is the same whatever the batch size and
 * PostgreSQL prepares it once per connection. Another org's, a deleted and an unknown unit or
 * sensor are simply absent, which is what tenancy requires. The tables are those of the service's
 * schema, found through the pool's search_path.
 */
@ApplicationScoped
public class LiveTargetReads {

    private static final String LIVE_UNITS = """
            select unit_id, site_id, primary_sensor_id from unit_projection
            where unit_id = any($1::uuid[]) and org_id = $2 and not deleted
            """;

    private static final String LIVE_SENSORS = """
            select sensor_id, dev_eui, unit_id from sensor_projection
            where (sensor_id = any($1::uuid[]) or dev_eui = any($2::text[])) and org_id = $3 and not deleted
            """;

    private final Pool pool;

    public LiveTargetReads(Pool pool) {
        this.pool = pool;
    }

    /** The live units of this org among {@code unitIds}. */
    public Uni<List<KnownUnit>> liveUnits(Collection<UUID> unitIds, UUID orgId) {
        if (unitIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Tuple parameters = Tuple.of(unitIds.toArray(UUID[]::new), orgId);
        return pool.preparedQuery(LIVE_UNITS).execute(parameters).map(rows -> read(rows, row -> new KnownUnit(
                row.getUUID("unit_id"), row.getUUID("site_id"), row.getUUID("primary_sensor_id"))));
    }

    /**
     * The live sensors of this org named by ID or by DevEUI, in one query.
     *
     * @param devEuis normalized ({@link dev.frostline.telemetry.reading.DevEui#normalize}), as catalog stores them
     */
    public Uni<List<KnownSensor>> liveSensors(Collection<UUID> sensorIds, Collection<String> devEuis, UUID orgId) {
        if (sensorIds.isEmpty() && devEuis.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Tuple parameters = Tuple.of(sensorIds.toArray(UUID[]::new), devEuis.toArray(String[]::new), orgId);
        return pool.preparedQuery(LIVE_SENSORS).execute(parameters).map(rows -> read(rows, row -> new KnownSensor(
                row.getUUID("sensor_id"), row.getString("dev_eui"), row.getUUID("unit_id"))));
    }

    private static <T> List<T> read(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> read = new ArrayList<>(rows.size());
        for (Row row : rows) {
            read.add(mapper.apply(row));
        }
        return List.copyOf(read);
    }
}
