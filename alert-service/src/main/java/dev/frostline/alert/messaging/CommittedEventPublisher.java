package dev.frostline.alert.messaging;

import dev.frostline.alert.repository.ChangeSet;
import dev.frostline.alert.repository.EngineStore;
import dev.frostline.support.messaging.KafkaSender;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the outbox events of a transaction as soon as it has committed, instead of waiting for
 * a relay poll: the engine knows which rows it wrote, and when they became visible. Then marks
 * them published, so the relay of service-support (whose periodic sweep stays as the safety net
 * for a crash or a failed send between commit and mark) leaves them alone.
 *
 * <p>One send at a time, in commit order: {@link KafkaSender#sendInOrder} hands each call to a
 * worker thread, so two calls at once could reach the producer in either order, and an alert's
 * {@code alert.resolved} must not overtake its {@code alert.opened}. Commits that arrive while a
 * send is in flight are coalesced into the next one. At least once, as with the relay: a crash
 * after the send and before the mark, or a sweep that reads a row between the two, publishes it
 * again under the same event ID.
 */
@ApplicationScoped
public class CommittedEventPublisher {

    /**
     * Events waiting while a send is in flight, at most. Beyond it (Kafka slow or down) they are
     * left to the outbox sweep instead of piling up in the heap.
     */
    static final int MAX_QUEUED = 20_000;

    private final KafkaSender sender;
    private final EngineStore store;
    private final Pool pool;
    private final List<KafkaSender.JsonRecord> queuedRecords = new ArrayList<>();
    private final List<Long> queuedIds = new ArrayList<>();
    private boolean sending;

    public CommittedEventPublisher(KafkaSender sender, EngineStore store, Pool pool) {
        this.sender = sender;
        this.store = store;
        this.pool = pool;
    }

    /** Call once the transaction that flushed {@code changes} has committed; returns at once. */
    public void committed(ChangeSet changes) {
        List<Long> ids = changes.outboxIds();
        if (ids.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (queuedIds.size() + ids.size() > MAX_QUEUED) {
                Log.debugf("%d alert events left to the outbox sweep: %d are waiting to be sent", ids.size(),
                        queuedIds.size());
                return;
            }
            for (ChangeSet.OutboxRecord record : changes.outboxWritten()) {
                queuedRecords.add(new KafkaSender.JsonRecord(record.topic(), record.key(), record.payload()));
            }
            queuedIds.addAll(ids);
            if (sending) {
                return;
            }
            sending = true;
        }
        sendQueued();
    }

    private void sendQueued() {
        List<KafkaSender.JsonRecord> records;
        List<Long> ids;
        synchronized (this) {
            if (queuedIds.isEmpty()) {
                sending = false;
                return;
            }
            records = List.copyOf(queuedRecords);
            ids = List.copyOf(queuedIds);
            queuedRecords.clear();
            queuedIds.clear();
        }
        Uni.createFrom().deferred(() -> sender.sendInOrder(records))
                .chain(() -> store.markPublished(pool, ids))
                .subscribe().with(done -> sendQueued(), e -> {
                    // The rows stay unpublished: the relay's sweep sends them.
                    Log.warnf("publishing %d alert events after commit failed, the outbox sweep retries: %s",
                            ids.size(), e.toString());
                    sendQueued();
                });
    }
}
