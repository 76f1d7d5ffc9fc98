package dev.frostline.telemetry.repository;

import dev.frostline.telemetry.export.ExportScope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Streams the rows of an export from a PostgreSQL cursor: a prepared statement's RowStream inside a
 * read-only transaction, fetching {@code fetchSize} rows per round trip and only when the subscriber
 * asks for more. The HTTP response asks only once the previous chunk is written, so a year of readings
 * flows through at the client's pace and at most a fetch of rows is held in memory.
 *
 * <p>The export holds one pooled connection for as long as the download lasts; it is given back (and
 * the transaction rolled back, it wrote nothing) when the stream completes, fails or the client goes away.
 */
@ApplicationScoped
public class ReadingExportRepository {

    private static final String SELECT = """
            select u.site_name, u.name as unit_name, u.time_zone, r.metric, r.value, r.recorded_at
            from readings r join unit_projection u on u.unit_id = r.unit_id
            where r.org_id = $1 and u.org_id = $1 and not u.deleted and %s
              and r.recorded_at >= $3 and r.recorded_at < $4%s
            order by r.recorded_at, u.name, r.unit_id, r.metric, r.id
            """;

    private record OpenCursor(SqlConnection connection, Transaction transaction) {
    }

    private final Pool pool;

    public ReadingExportRepository(Pool pool) {
        this.pool = pool;
    }

    /** Oldest first; the caller's org is checked on the reading and on its unit. */
    public Multi<Row> stream(UUID orgId, ExportScope scope, int fetchSize) {
        String unitOrSite = scope.kind() == ExportScope.Kind.UNIT ? "r.unit_id = $2" : "u.site_id = $2";
        Tuple parameters = Tuple.of(orgId, scope.id(), SqlTimes.utc(scope.from()),
                SqlTimes.utc(scope.to()));
        String metric = "";
        if (scope.metric() != null) {
            metric = " and r.metric = $5";
            parameters.addString(scope.metric().wireName());
        }
        String sql = SELECT.formatted(unitOrSite, metric);
        return Multi.createFrom().resourceFromUni(this::open,
                        open -> open.connection().prepare(sql)
                                .onItem().transformToMulti(statement -> statement.createStream(fetchSize, parameters)
                                        .toMulti()))
                .withFinalizer(this::close);
    }

    private Uni<OpenCursor> open() {
        return pool.getConnection().chain(connection -> connection.begin()
                .call(() -> connection.query("set transaction read only").execute())
                .map(transaction -> new OpenCursor(connection, transaction))
                .onFailure().call(connection::close));
    }

    private Uni<Void> close(OpenCursor open) {
        return open.transaction().rollback().onFailure().recoverWithNull()
                .eventually(() -> open.connection().close());
    }
}
