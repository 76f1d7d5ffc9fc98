package dev.frostline.alert.notification;

import java.time.Clock;
import dev.frostline.alert.rule.Severity;
import dev.frostline.contracts.Role;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The webhook endpoints of the caller's org, for admins and owners. Every statement names the org:
 * another org's endpoint is not found, whoever asks.
 */
@ApplicationScoped
public class ManagingWebhookEndpoints {

    /** What an admin sets on an endpoint. */
    public record Settings(String url, String description, boolean enabled, Severity minSeverity) {
    }

    /** A new endpoint with its secret: the one time the secret leaves the service. */
    public record Created(WebhookEndpoint endpoint, String secret) {
    }

    private static final String COLUMNS = "id, org_id, url, description, enabled, min_severity, created_at, updated_at";

    private final Pool pool;
    private final Clock clock;

    public ManagingWebhookEndpoints(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Created> create(Caller caller, Settings settings) {
        caller.require(Role.ADMIN);
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        return pool.preparedQuery("insert into webhook_endpoints (id, org_id, url, description, secret, enabled,"
                        + " min_severity, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $8)"
                        + " returning " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, caller.orgId(), settings.url(), settings.description(), secret,
                        settings.enabled(), settings.minSeverity().wireName(), Timestamps.of(now))))
                .map(rows -> new Created(endpoint(rows.iterator().next()), secret));
    }

    public Uni<List<WebhookEndpoint>> list(Caller caller) {
        caller.require(Role.ADMIN);
        return pool.preparedQuery("select " + COLUMNS + " from webhook_endpoints where org_id = $1 order by created_at, id")
                .execute(Tuple.of(caller.orgId()))
                .map(ManagingWebhookEndpoints::endpoints);
    }

    public Uni<WebhookEndpoint> get(Caller caller, UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from webhook_endpoints where id = $1 and org_id = $2")
                .execute(Tuple.of(id, caller.orgId()))
                .map(rows -> one(rows, id, caller));
    }

    public Uni<WebhookEndpoint> update(Caller caller, UUID id, Settings settings) {
        return get(caller, id).chain(() -> pool.preparedQuery("update webhook_endpoints set url = $3, description = $4,"
                        + " enabled = $5, min_severity = $6, updated_at = $7 where id = $1 and org_id = $2 returning " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(id, caller.orgId(), settings.url(), settings.description(),
                        settings.enabled(), settings.minSeverity().wireName(), Timestamps.of(clock.instant()))))
                .map(rows -> one(rows, id, caller)));
    }

    /** Its pending deliveries and dead letters go with it. */
    public Uni<Void> delete(Caller caller, UUID id) {
        return get(caller, id).chain(() -> pool.preparedQuery("delete from webhook_endpoints where id = $1 and org_id = $2")
                .execute(Tuple.of(id, caller.orgId()))).replaceWithVoid();
    }

    /** Not found before forbidden: another org's ID says nothing about its existence. */
    private static WebhookEndpoint one(RowSet<Row> rows, UUID id, Caller caller) {
        if (rows.size() == 0) {
            throw ProblemException.notFound("Webhook endpoint", id);
        }
        caller.require(Role.ADMIN);
        return endpoint(rows.iterator().next());
    }

    private static List<WebhookEndpoint> endpoints(RowSet<Row> rows) {
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        rows.forEach(row -> endpoints.add(endpoint(row)));
        return endpoints;
    }

    private static WebhookEndpoint endpoint(Row row) {
        return new WebhookEndpoint(row.getUUID("id"), row.getUUID("org_id"), row.getString("url"),
                row.getString("description"), row.getBoolean("enabled"), Severities.fromColumn(row.getString("min_severity")),
                Timestamps.instant(row.getOffsetDateTime("created_at")), Timestamps.instant(row.getOffsetDateTime("updated_at")));
    }
}
