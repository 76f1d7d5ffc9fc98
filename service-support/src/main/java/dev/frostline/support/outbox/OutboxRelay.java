package dev.frostline.support.outbox;

import dev.frostline.support.messaging.KafkaSender;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows in id order and marks them published once Kafka has acknowledged them.
 * At-least-once: a crash between the ack and the mark republishes the rows, which is harmless
 * because every event carries a stable ID or version that consumers deduplicate on.
 * Several replicas may relay the same rows concurrently for the same reason.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 500;

    private final KafkaSender sender;
    private final AtomicBoolean pending = new AtomicBoolean(true);
    /** One relay pass at a time per instance, or two passes would publish the same rows out of order. */
    private final AtomicBoolean running = new AtomicBoolean();

    public OutboxRelay(KafkaSender sender) {
        this.sender = sender;
    }

    /** Hints that rows were just written; the next fast poll publishes them. */
    void wakeUp() {
        pending.set(true);
    }

    @Scheduled(every = "${frostline.outbox.poll-interval:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> fastPoll() {
        return pending.getAndSet(false) ? relay() : Uni.createFrom().voidItem();
    }

    /** Catches rows another replica wrote, or that failed to publish earlier. */
    @Scheduled(every = "${frostline.outbox.sweep-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return relay();
    }

    Uni<Void> relay() {
        if (!running.compareAndSet(false, true)) {
            pending.set(true);
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> OutboxMessage.<OutboxMessage>find("publishedAt is null order by id")
                .page(0, BATCH).list())
                .chain(this::publishAndMark)
                .onFailure().invoke(e -> {
                    pending.set(true);
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
                        pending.set(true);
                    }
                })
                .replaceWithVoid();
    }
}
