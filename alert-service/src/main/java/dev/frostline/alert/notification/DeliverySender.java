package dev.frostline.alert.notification;

import java.time.Clock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends due deliveries. A pass claims them in one short transaction (SKIP LOCKED, and each claimed
 * delivery's next attempt pushed past the lease, so no other replica takes it), sends them with no
 * transaction open, then records each outcome: sent; failed and due again after the backoff; or,
 * after the last attempt, dead-lettered. Delivery is at-least-once: a replica that dies between the
 * send and the record leaves the delivery to be sent again once its lease ends; webhook receivers
 * drop the repeat by its Idempotency-Key.
 */
@ApplicationScoped
public class DeliverySender {

    private static final int MAX_ERROR_LENGTH = 1000;

    private static final String CLAIM = """
            with due as (
              select d.id from notification_deliveries d
              left join webhook_endpoints e on e.id = d.endpoint_id
              where d.status = 'pending' and d.next_attempt_at <= $1
                and (d.endpoint_id is null or e.enabled)
              order by d.next_attempt_at
              limit $2
              for update of d skip locked
            ), claimed as (
              update notification_deliveries d
              set attempts = d.attempts + 1, last_attempt_at = $1, next_attempt_at = $3
              from due where d.id = due.id
              returning d.id, d.request_id, d.channel, d.attempts, d.recipient_email, d.endpoint_id
            )
            select c.id, c.channel, c.attempts, c.recipient_email, r.kind, r.subject, r.body::text as body,
                   e.url, e.secret
            from claimed c
            join notification_requests r on r.id = c.request_id
            left join webhook_endpoints e on e.id = c.endpoint_id
            """;

    private static final String MARK_SENT = """
            update notification_deliveries set status = 'sent', sent_at = $2, last_error = null
            where id = $1 and attempts = $3 and status = 'pending'
            """;

    private static final String MARK_FAILED = """
            update notification_deliveries set next_attempt_at = $2, last_error = $3
            where id = $1 and attempts = $4 and status = 'pending'
            """;

    private static final String MARK_DEAD = """
            update notification_deliveries set status = 'dead', dead_at = $2, last_error = $3
            where id = $1 and attempts = $4 and status = 'pending'
            """;

    private final Pool pool;
    private final NotificationConfig config;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final WebhookPoster webhooks;
    private final ReactiveMailer mailer;
    private final ObjectMapper mapper;
    private final NotificationMetrics metrics;
    private final AtomicBoolean kickPending = new AtomicBoolean();

    public DeliverySender(Pool pool, NotificationConfig config, Clock clock, WebhookPoster webhooks,
            ReactiveMailer mailer, ObjectMapper mapper, NotificationMetrics metrics) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
        this.backoff = new RetryBackoff(config.send().retryInitialDelay(), config.send().retryMaxDelay(),
                config.send().retryJitter(), config.send().maxAttempts());
        this.webhooks = webhooks;
        this.mailer = mailer;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @Scheduled(every = "${frostline.notification.send.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return sendDueLogged();
    }

    /** After a dispatch pass committed new deliveries: a send pass now instead of at the next poll. */
    void sendSoon() {
        if (kickPending.compareAndSet(false, true)) {
            sendDueLogged().eventually(() -> kickPending.set(false)).subscribe().with(done -> { }, e -> { });
        }
    }

    private Uni<Void> sendDueLogged() {
        return sendDue()
                .onFailure().invoke(e -> Log.warnf("notification send pass failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass: claims up to a batch of due deliveries and sends them. @return how many it claimed */
    public Uni<Integer> sendDue() {
        Instant now = clock.instant();
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                        .execute(Tuple.of(Timestamps.of(now), config.send().batchSize(),
                                Timestamps.of(now.plus(config.send().lease()))))
                        .map(rows -> {
                            List<ClaimedDelivery> claimed = new ArrayList<>();
                            rows.forEach(row -> claimed.add(claimed(row, now)));
                            return claimed;
                        }))
                .chain(claimed -> claimed.isEmpty()
                        ? Uni.createFrom().item(0)
                        : Multi.createFrom().iterable(claimed)
                                .onItem().transformToUni(this::sendOne).merge(config.send().concurrency())
                                .collect().last().replaceWith(claimed.size()));
    }

    private static ClaimedDelivery claimed(Row row, Instant now) {
        return new ClaimedDelivery(row.getUUID("id"), Channel.fromWire(row.getString("channel")), row.getInteger("attempts"), now,
                row.getString("kind"), row.getString("subject"), row.getString("body"), row.getString("recipient_email"),
                row.getString("url"), row.getString("secret"));
    }

    private Uni<Void> sendOne(ClaimedDelivery delivery) {
        return Uni.createFrom().deferred(() -> send(delivery))
                .map(ignored -> (Throwable) null)
                .onFailure().recoverWithItem(error -> error)
                .chain(error -> error == null ? markSent(delivery) : markFailed(delivery, error))
                // One delivery whose outcome could not be recorded must not stop the others; its lease
                // ends and it is sent again.
                .onFailure().invoke(e -> Log.warnf("could not record the outcome of delivery %s: %s", delivery.id(),
                        e.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> send(ClaimedDelivery delivery) {
        return switch (delivery.channel()) {
            case EMAIL -> mailer.send(Mail.withText(delivery.email(), delivery.subject(),
                    AlertMail.text(mapper, delivery.subject(), delivery.body())));
            case WEBHOOK -> webhooks.post(delivery, clock.instant().getEpochSecond());
        };
    }

    private Uni<Void> markSent(ClaimedDelivery delivery) {
        metrics.sent(delivery.channel());
        return pool.preparedQuery(MARK_SENT)
                .execute(Tuple.of(delivery.id(), Timestamps.of(clock.instant()), delivery.attempt()))
                .replaceWithVoid();
    }

    private Uni<Void> markFailed(ClaimedDelivery delivery, Throwable error) {
        metrics.failed(delivery.channel());
        Instant now = clock.instant();
        String reason = truncate(error.getMessage() == null ? error.toString() : error.getMessage());
        if (backoff.deadAfter(delivery.attempt())) {
            metrics.deadLettered(delivery.channel());
            Log.errorf("dead-lettering %s delivery %s after %d attempts; last error: %s", delivery.channel().wireName(),
                    delivery.id(), delivery.attempt(), reason);
            return pool.preparedQuery(MARK_DEAD)
                    .execute(Tuple.of(delivery.id(), Timestamps.of(now), reason, delivery.attempt()))
                    .replaceWithVoid();
        }
        // Counted from the attempt's start, so the schedule does not drift by how long endpoints take to fail.
        Instant next = delivery.claimedAt().plus(backoff.delayAfter(delivery.attempt(),
                ThreadLocalRandom.current().nextDouble()));
        Log.warnf("%s delivery %s failed (attempt %d), retrying at %s: %s", delivery.channel().wireName(), delivery.id(),
                delivery.attempt(), next, reason);
        return pool.preparedQuery(MARK_FAILED)
                .execute(Tuple.of(delivery.id(), Timestamps.of(next), reason, delivery.attempt()))
                .replaceWithVoid();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
