package dev.frostline.alert.notification;

import java.time.Clock;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dead-letter list (admin and above) with its retry, and the deliveries of one alert (manager
 * and above: it names the recipients). Every statement names the caller's org.
 */
@ApplicationScoped
public class QueryingDeliveries {

    public static final ProblemType NOT_DEAD = new ProblemType("delivery-not-dead-lettered",
            "Delivery is not dead-lettered", 409);

    private static final String SELECT = """
            select d.id, d.request_id, d.alert_id, r.kind, r.subject, d.channel, d.recipient_user_id,
                   d.recipient_email, d.endpoint_id, e.url, d.status, d.attempts, d.next_attempt_at,
                   d.last_attempt_at, d.last_error, d.sent_at, d.dead_at, d.created_at
            from notification_deliveries d
            join notification_requests r on r.id = d.request_id
            left join webhook_endpoints e on e.id = d.endpoint_id
            """;

    private final Pool pool;
    private final Clock clock;

    public QueryingDeliveries(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Newest first. */
    public Uni<List<Delivery>> deadLetters(Caller caller, int limit) {
        caller.require(Role.ADMIN);
        return pool.preparedQuery(SELECT + " where d.org_id = $1 and d.status = 'dead' order by d.dead_at desc, d.id limit $2")
                .execute(Tuple.of(caller.orgId(), limit))
                .map(QueryingDeliveries::deliveries);
    }

    /**
     * Puts a dead letter back in the queue, due now, with a fresh set of attempts.
     * Another org's delivery is not found; one that is not dead-lettered is a conflict.
     */
    public Uni<Delivery> retry(Caller caller, UUID id) {
        return one(caller, id).chain(delivery -> {
            caller.require(Role.ADMIN);
            if (!"dead".equals(delivery.status())) {
                return Uni.createFrom().failure(new ProblemException(NOT_DEAD, "Delivery " + id + " is "
                        + delivery.status() + "; only dead-lettered deliveries can be retried."));
            }
            return pool.preparedQuery("update notification_deliveries set status = 'pending', attempts = 0,"
                            + " next_attempt_at = $3, dead_at = null where id = $1 and org_id = $2 and status = 'dead'")
                    .execute(Tuple.of(id, caller.orgId(), Timestamps.of(clock.instant())))
                    .chain(() -> one(caller, id));
        });
    }

    /**
     * The deliveries of an alert of the caller's org, oldest first. An alert that has no notices here
     * and is not the org's is not found.
     */
    public Uni<List<Delivery>> ofAlert(Caller caller, UUID alertId) {
        return pool.preparedQuery("select exists (select 1 from notification_requests where alert_id = $1 and org_id = $2)"
                        + " or exists (select 1 from alerts where id = $1 and org_id = $2) as known")
                .execute(Tuple.of(alertId, caller.orgId()))
                .chain(rows -> {
                    if (!rows.iterator().next().getBoolean("known")) {
                        return Uni.createFrom().failure(ProblemException.notFound("Alert", alertId));
                    }
                    caller.require(Role.MANAGER);
                    return pool.preparedQuery(SELECT + " where d.org_id = $1 and d.alert_id = $2 order by d.created_at, d.id")
                            .execute(Tuple.of(caller.orgId(), alertId))
                            .map(QueryingDeliveries::deliveries);
                });
    }

    private Uni<Delivery> one(Caller caller, UUID id) {
        return pool.preparedQuery(SELECT + " where d.id = $1 and d.org_id = $2")
                .execute(Tuple.of(id, caller.orgId()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Delivery", id);
                    }
                    return delivery(rows.iterator().next());
                });
    }

    private static List<Delivery> deliveries(RowSet<Row> rows) {
        List<Delivery> deliveries = new ArrayList<>();
        rows.forEach(row -> deliveries.add(delivery(row)));
        return deliveries;
    }

    private static Delivery delivery(Row row) {
        return new Delivery(row.getUUID("id"), row.getUUID("request_id"), row.getUUID("alert_id"), row.getString("kind"),
                row.getString("subject"), Channel.fromWire(row.getString("channel")), row.getUUID("recipient_user_id"),
                row.getString("recipient_email"), row.getUUID("endpoint_id"), row.getString("url"), row.getString("status"),
                row.getInteger("attempts"), Timestamps.instant(row.getOffsetDateTime("next_attempt_at")),
                Timestamps.instant(row.getOffsetDateTime("last_attempt_at")), row.getString("last_error"),
                Timestamps.instant(row.getOffsetDateTime("sent_at")), Timestamps.instant(row.getOffsetDateTime("dead_at")),
                Timestamps.instant(row.getOffsetDateTime("created_at")));
    }
}
