package dev.frostline.alert;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the engine's tables as they are, for assertions the API does not expose (notices, timers, states). */
@ApplicationScoped
public class EngineDatabase {

    private final Pool pool;

    public EngineDatabase(Pool pool) {
        this.pool = pool;
    }

    public List<Row> rows(String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().forEach(rows::add);
        return rows;
    }

    public long count(String sql, Object... params) {
        return rows(sql, params).get(0).getLong(0);
    }

    public long alertsOfUnit(UUID unitId) {
        return count("select count(*) from alerts where unit_id = $1", unitId);
    }

    /** The notices of an alert as "kind audience", in the order they fell due. */
    public List<String> notices(UUID alertId) {
        return rows("select kind, audience from notification_requests where alert_id = $1"
                + " order by (body->>'at')::timestamptz, kind", alertId).stream()
                .map(r -> r.getString("kind") + " " + r.getString("audience")).toList();
    }

    public String phase(UUID unitId, String kind, String metric) {
        List<Row> rows = rows("select phase from excursion_states where unit_id = $1 and rule_kind = $2 and metric = $3",
                unitId, kind, metric);
        return rows.isEmpty() ? null : rows.get(0).getString("phase");
    }
}
