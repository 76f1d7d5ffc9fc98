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

/** The battery_pct history a forecast is fitted from, read over readings_sensor_battery_idx. */
@ApplicationScoped
public class BatteryHistoryRepository {

    // The metric is a literal, not a parameter, so that the planner can match the partial index's predicate.
    private static final String HISTORY = """
            select recorded_at, value from readings
            where org_id = $1 and sensor_id = $2 and metric = '%s' and recorded_at >= $3
            order by recorded_at, id
            """.formatted(Metric.BATTERY_PCT.wireName());

    private final Pool pool;

    public BatteryHistoryRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The battery_pct readings the sensor made since {@code since}, oldest first, whichever unit it was
     * on: two sensors of one unit each drain their own battery. A reading is the sensor's when it named
     * the sensor or was posted for a unit whose primary sensor it was (readings.sensor_id); readings
     * stored without a sensor belong to no sensor's forecast.
     */
    public Uni<List<BatteryPoint>> batteryOfSensor(UUID orgId, UUID sensorId, Instant since) {
        Tuple parameters = Tuple.of(orgId, sensorId, SqlTimes.utc(since));
        return pool.preparedQuery(HISTORY).execute(parameters).map(rows -> {
            List<BatteryPoint> points = new ArrayList<>(rows.size());
            for (Row row : rows) {
                points.add(new BatteryPoint(row.getOffsetDateTime("recorded_at").toInstant(), row.getDouble("value")));
            }
            return points;
        });
    }
}
