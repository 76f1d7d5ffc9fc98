package dev.frostline.telemetry.repository;

import dev.frostline.contracts.Metric;
import dev.frostline.telemetry.battery.BatteryPoint;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The battery_pct history a forecast is fitted from, read over readings_unit_metric_recorded_idx. */
@ApplicationScoped
public class BatteryHistoryRepository {

    private static final String HISTORY = """
            select recorded_at, value from readings
            where org_id = $1 and unit_id = $2 and metric = $3 and recorded_at >= $4
            order by recorded_at, id
            """;

    private final Pool pool;

    public BatteryHistoryRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The battery_pct readings of the unit since {@code since}, oldest first. Readings carry no sensor
     * yet, so this reads the sensor's unit: right while a unit reports through one sensor. When readings
     * gain a sensor_id column, filter on it here (and index it) so that two sensors of a unit never mix.
     */
    public Uni<List<BatteryPoint>> batteryOfUnit(UUID orgId, UUID unitId, Instant since) {
        Tuple parameters = Tuple.of(orgId, unitId, Metric.BATTERY_PCT.wireName(), SqlTimes.utc(since));
        return pool.preparedQuery(HISTORY).execute(parameters).map(rows -> {
            List<BatteryPoint> points = new ArrayList<>(rows.size());
            for (Row row : rows) {
                points.add(new BatteryPoint(row.getOffsetDateTime("recorded_at").toInstant(), row.getDouble("value")));
            }
            return points;
        });
    }
}
