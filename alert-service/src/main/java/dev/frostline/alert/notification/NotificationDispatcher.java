package dev.frostline.alert.notification;

import java.time.Clock;
import dev.frostline.alert.rule.Severity;
import dev.frostline.contracts.Role;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Expands notification requests into deliveries. A pass locks a batch of unexpanded requests with
 * SKIP LOCKED, writes their deliveries and marks them expanded, all in one transaction: a request is
 * expanded by exactly one pass, whatever the number of replicas, and a pass that fails leaves its
 * requests to the next one. Delivery IDs derive from the request and the recipient, so even a
 * second expansion could not double a delivery.
 *
 * <p>Recipients are read at expansion time: a member who joins after a notice was expanded does not
 * receive it, and one removed after it still does.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final String LOCK_UNEXPANDED = """
            select id, org_id, alert_id, severity, audience from notification_requests
            where expanded_at is null
            order by created_at
            limit $1
            for update skip locked
            """;

    private static final String MEMBERS = """
            select m.org_id, m.user_id, m.email, m.role,
                   coalesce(p.email_enabled, true) as email_enabled,
                   coalesce(p.min_severity, 'warning') as min_severity
            from member_projection m
            left join notification_preferences p on p.org_id = m.org_id and p.user_id = m.user_id
            where m.org_id = any($1) and not m.removed
            """;

    private static final String ENDPOINTS = """
            select org_id, id, min_severity from webhook_endpoints where org_id = any($1) and enabled
            """;

    private static final String INSERT_DELIVERIES = """
            insert into notification_deliveries (id, request_id, org_id, alert_id, channel, recipient_user_id,
                                                 recipient_email, endpoint_id, status, attempts, next_attempt_at,
                                                 created_at)
            select u.id, u.request_id, u.org_id, u.alert_id, u.channel, u.user_id, u.email, u.endpoint_id,
                   'pending', 0, $9, $9
            from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::uuid[])
                 as u (id, request_id, org_id, alert_id, channel, user_id, email, endpoint_id)
            on conflict (id) do nothing
            """;

    private static final String MARK_EXPANDED = "update notification_requests set expanded_at = $1 where id = any($2)";

    private final Pool pool;
    private final NotificationConfig config;
    private final Clock clock;
    private final DeliverySender sender;

    public NotificationDispatcher(Pool pool, NotificationConfig config, Clock clock, DeliverySender sender) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
        this.sender = sender;
    }

    @Scheduled(every = "${frostline.notification.dispatch.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return dispatchOnce()
                .invoke(expanded -> {
                    if (expanded > 0) {
                        // The new deliveries are due now: send them without waiting for the sender's poll.
                        sender.sendSoon();
                    }
                })
                .onFailure().invoke(e -> Log.warnf("notification dispatch failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass: expands up to a batch of requests. @return the number of requests this pass expanded */
    public Uni<Integer> dispatchOnce() {
        Instant now = clock.instant();
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK_UNEXPANDED)
                .execute(Tuple.of(config.dispatch().batchSize()))
                .map(rows -> {
                    List<NotificationRequest> requests = new ArrayList<>();
                    rows.forEach(row -> requests.add(new NotificationRequest(row.getUUID("id"), row.getUUID("org_id"),
                            row.getUUID("alert_id"), Severities.fromColumn(row.getString("severity")),
                            Role.fromClaim(row.getString("audience")))));
                    return requests;
                })
                .chain(requests -> requests.isEmpty()
                        ? Uni.createFrom().item(0)
                        : expand(connection, requests, now).replaceWith(requests.size())));
    }

    private Uni<Void> expand(SqlConnection connection, List<NotificationRequest> requests, Instant now) {
        UUID[] orgs = requests.stream().map(NotificationRequest::orgId).distinct().toArray(UUID[]::new);
        return recipientsByOrg(connection, orgs).chain(recipients -> {
            List<PlannedDelivery> deliveries = new ArrayList<>();
            Map<UUID, NotificationRequest> byId = new HashMap<>();
            for (NotificationRequest request : requests) {
                byId.put(request.id(), request);
                deliveries.addAll(ExpandingNotificationRequest.expand(request,
                        recipients.getOrDefault(request.orgId(), new Recipients(List.of(), List.of()))));
            }
            UUID[] requestIds = requests.stream().map(NotificationRequest::id).toArray(UUID[]::new);
            return insert(connection, deliveries, byId, now)
                    .chain(() -> connection.preparedQuery(MARK_EXPANDED)
                            .execute(Tuple.of(Timestamps.of(now), (Object) requestIds)))
                    .replaceWithVoid();
        });
    }

    private Uni<Map<UUID, Recipients>> recipientsByOrg(SqlConnection connection, UUID[] orgs) {
        Map<UUID, List<Recipients.Member>> members = new HashMap<>();
        Map<UUID, List<Recipients.Endpoint>> endpoints = new HashMap<>();
        return connection.preparedQuery(MEMBERS).execute(Tuple.of((Object) orgs))
                .invoke(rows -> rows.forEach(row -> members.computeIfAbsent(row.getUUID("org_id"), k -> new ArrayList<>())
                        .add(member(row))))
                .chain(() -> connection.preparedQuery(ENDPOINTS).execute(Tuple.of((Object) orgs)))
                .map(rows -> {
                    rows.forEach(row -> endpoints.computeIfAbsent(row.getUUID("org_id"), k -> new ArrayList<>())
                            .add(new Recipients.Endpoint(row.getUUID("id"),
                                    Severities.fromColumn(row.getString("min_severity")))));
                    Map<UUID, Recipients> byOrg = new HashMap<>();
                    LinkedHashSet<UUID> all = new LinkedHashSet<>(members.keySet());
                    all.addAll(endpoints.keySet());
                    for (UUID org : all) {
                        byOrg.put(org, new Recipients(members.getOrDefault(org, List.of()),
                                endpoints.getOrDefault(org, List.of())));
                    }
                    return byOrg;
                });
    }

    private static Recipients.Member member(Row row) {
        Severity minimum = Severities.fromColumn(row.getString("min_severity"));
        return new Recipients.Member(row.getUUID("user_id"), row.getString("email"), Role.fromClaim(row.getString("role")),
                row.getBoolean("email_enabled"), minimum);
    }

    private static Uni<Void> insert(SqlConnection connection, List<PlannedDelivery> deliveries,
            Map<UUID, NotificationRequest> requests, Instant now) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = deliveries.size();
        UUID[] ids = new UUID[n];
        UUID[] requestIds = new UUID[n];
        UUID[] orgIds = new UUID[n];
        UUID[] alertIds = new UUID[n];
        String[] channels = new String[n];
        UUID[] userIds = new UUID[n];
        String[] emails = new String[n];
        UUID[] endpointIds = new UUID[n];
        for (int i = 0; i < n; i++) {
            PlannedDelivery delivery = deliveries.get(i);
            NotificationRequest request = requests.get(delivery.requestId());
            ids[i] = delivery.id();
            requestIds[i] = delivery.requestId();
            orgIds[i] = request.orgId();
            alertIds[i] = request.alertId();
            channels[i] = delivery.channel().wireName();
            userIds[i] = delivery.userId();
            emails[i] = delivery.email();
            endpointIds[i] = delivery.endpointId();
        }
        OffsetDateTime at = Timestamps.of(now);
        return connection.preparedQuery(INSERT_DELIVERIES)
                .execute(Tuple.from(Arrays.asList(ids, requestIds, orgIds, alertIds, channels, userIds, emails,
                        endpointIds, at)))
                .replaceWithVoid();
    }
}
