package dev.frostline.support.outbox;

import dev.frostline.support.messaging.KafkaSender;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes outbox rows in id order and marks them published once Kafka has acknowledged them.
 * At-least-once: a crash between the ack and the mark republishes the rows, which is harmless
 * because every event carries a stable ID or version that consumers deduplicate on.
 * Several replicas may relay the same rows concurrently for the same reason.
 *
 * <p>Latency: {@link Outbox#enqueue} runs before its transaction commits, so it cannot trigger the
 * publication itself. It opens a short window in which the relay polls every
 * {@code frostline.outbox.fast-poll} (a Vert.x timer: the scheduler does not go below a second);
 * outside that window a slow sweep catches rows written by other replicas or left by failures.
 */
@ApplicationScoped
@IfBuildProperty(name = "frostline.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final int BATCH = 500;
    private static final long FAST_WINDOW_MS = 3_000;

    private final KafkaSender sender;
    private final Vertx vertx;
    private final long fastPollMs;
    private final AtomicLong lastWrite = new AtomicLong();
    /** One relay pass at a time per instance, or two passes would publish the same rows out of order. */
    private final AtomicBoolean running = new AtomicBoolean();
    private long timerId = -1;

    public OutboxRelay(KafkaSender sender, Vertx vertx,
            @ConfigProperty(name = "frostline.outbox.fast-poll-ms", defaultValue = "100") long fastPollMs) {
        this.sender = sender;
        this.vertx = vertx;
        this.fastPollMs = fastPollMs;
    }

    /**
     * Called when a row is written: poll fast for a moment, until its transaction has committed.
     * Public for services that write outbox rows with their own SQL (alert-service's batch engine).
     */
    public void wakeUp() {
        lastWrite.set(System.currentTimeMillis());
    }

    void onStart(@Observes StartupEvent event) {
        wakeUp();
        timerId = vertx.setPeriodic(fastPollMs, id -> {
            if (System.currentTimeMillis() - lastWrite.get() < FAST_WINDOW_MS) {
                // Hibernate Reactive needs a duplicated context, as a request or a consumer would have.
                Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
                VertxContextSafetyToggle.setContextSafe(context, true);
                context.runOnContext(ignored -> relay().subscribe().with(done -> { }, e -> { }));
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Catches rows another replica wrote, or that failed to publish earlier. */
    @Scheduled(every = "${frostline.outbox.sweep-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return relay();
    }

    Uni<Void> relay() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> Panache.withSession(() -> OutboxMessage.<OutboxMessage>find(
                        "publishedAt is null order by id").page(0, BATCH).list()))
                .chain(this::publishAndMark)
                .onFailure().invoke(e -> {
                    wakeUp();
                    Log.warnf("outbox relay failed, will retry: %s", e.toString());
                })
                .onFailure().recoverWithNull()
                .eventually(() -> running.set(false))
                .replaceWithVoid();
    }

    private Uni<Void> publishAndMark(List<OutboxMessage> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Long> ids = batch.stream().map(m -> m.id).toList();
        return sender.sendInOrder(batch.stream()
                        .map(m -> new KafkaSender.JsonRecord(m.topic, m.recordKey, m.payload))
                        .toList())
                .chain(() -> Panache.withTransaction(() -> OutboxMessage
                        .update("publishedAt = ?1 where id in ?2", Instant.now(), ids)))
                .invoke(() -> {
                    if (batch.size() == BATCH) {
                        wakeUp();
                    }
                })
                .replaceWithVoid();
    }
}
