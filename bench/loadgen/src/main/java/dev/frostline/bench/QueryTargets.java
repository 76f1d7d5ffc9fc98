package dev.frostline.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code query} command: the same question asked over HTTP (a target with an http URL: a GET
 * with the run's headers) or straight to PostgreSQL (a target with a jdbc: URL: the run's SQL,
 * prepared, on a connection per client, every row read). So one closed loop, with its warm-up and
 * interleaved rounds, measures the service and its database baseline in the same run.
 *
 * <p>JDBC blocks: each SQL step runs on a Vert.x worker thread (unordered, so clients never queue
 * behind each other there) and completes on the client's event loop.
 */
final class QueryTargets implements Workload, AutoCloseable {

    /** The SQL baseline and how to connect for it; expected rows, when positive, are checked on every answer. */
    record Sql(String text, String user, String password, int expectedRows) {
    }

    private final ClientTemplates templates;
    private final long requestTimeoutMillis;
    private final Sql sql;
    private final Map<Integer, Connection> connections = new ConcurrentHashMap<>();

    QueryTargets(ClientTemplates templates, long requestTimeoutMillis, Sql sql) {
        this.templates = templates;
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.sql = sql;
    }

    @Override
    public List<String> series(Target target) {
        return List.of(target.name());
    }

    @Override
    public Step stepFor(int client, HttpClient http) {
        FixedRequest request = new FixedRequest(http, HttpMethod.GET, templates.headers(client), null,
                requestTimeoutMillis);
        return phase -> phase.target.url().startsWith("jdbc:") ? query(client, phase) : request.run(phase);
    }

    private Future<Void> query(int client, Phase phase) {
        Context context = Vertx.currentContext();
        long started = System.nanoTime();
        return context.<Integer>executeBlocking(() -> rows(client, phase.target.url()), false)
                .andThen(outcome -> {
                    long ended = System.nanoTime();
                    String series = phase.target.name();
                    if (outcome.failed()) {
                        phase.error(series, outcome.cause().getClass().getSimpleName(), ended);
                    } else if (sql.expectedRows() > 0 && outcome.result() != sql.expectedRows()) {
                        phase.error(series, "rows-" + outcome.result(), ended);
                    } else {
                        phase.success(series, started, ended);
                    }
                }).mapEmpty();
    }

    private int rows(int client, String jdbcUrl) throws SQLException {
        Connection connection = connections.get(client);
        if (connection == null) {
            connection = new ReadingsTable.Database(jdbcUrl, sql.user(), sql.password(), null).connect();
            connections.put(client, connection);
        }
        // pgjdbc switches to a server-side prepared statement after a few executions, as the
        // service's reactive client prepares its queries.
        try (PreparedStatement statement = connection.prepareStatement(sql.text());
                ResultSet result = statement.executeQuery()) {
            int rows = 0;
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int column = 1; column <= columns; column++) {
                    result.getObject(column);
                }
                rows++;
            }
            return rows;
        }
    }

    @Override
    public void close() {
        connections.values().forEach(connection -> {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The end of a run: nothing left to protect.
            }
        });
    }
}
