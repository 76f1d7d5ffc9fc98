package dev.frostline.alert.service;

import dev.frostline.alert.messaging.CommittedEventPublisher;
import dev.frostline.alert.repository.ChangeSet;
import dev.frostline.alert.repository.EngineStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs an engine transaction and acts on what it wrote the moment it has committed, not at the
 * next poll: its outbox events go to {@link CommittedEventPublisher}, and the earliest timer row it
 * wrote is announced as a {@link TimerDeadlineWritten}, so {@link TimerPoller} can arm for it.
 * Nothing here is needed for correctness (the outbox sweep and the slow timer poll find the rows
 * anyway); it is what keeps an alert event and a timer's firing close to their moment.
 */
@ApplicationScoped
public class EngineCommits {

    /** Writes a change set in the transaction; what it wrote is acted on after commit. */
    @FunctionalInterface
    public interface Flush {
        Uni<Void> flush(ChangeSet changes);
    }

    private final Pool pool;
    private final EngineStore store;
    private final CommittedEventPublisher publisher;
    private final Event<TimerDeadlineWritten> deadlines;

    public EngineCommits(Pool pool, EngineStore store, CommittedEventPublisher publisher,
            Event<TimerDeadlineWritten> deadlines) {
        this.pool = pool;
        this.store = store;
        this.publisher = publisher;
        this.deadlines = deadlines;
    }

    public <T> Uni<T> inTransaction(BiFunction<SqlConnection, Flush, Uni<T>> work) {
        // Fresh per subscription: a retried transaction must not act on an earlier attempt's writes.
        return Uni.createFrom().deferred(() -> {
            List<ChangeSet> flushed = new ArrayList<>();
            return pool.withTransaction(connection -> work.apply(connection,
                            changes -> store.flush(connection, changes).invoke(() -> flushed.add(changes))))
                    .invoke(() -> committed(flushed));
        });
    }

    private void committed(List<ChangeSet> flushed) {
        Instant earliest = null;
        for (ChangeSet changes : flushed) {
            publisher.committed(changes);
            Instant due = changes.earliestTimerDue().orElse(null);
            if (due != null && (earliest == null || due.isBefore(earliest))) {
                earliest = due;
            }
        }
        if (earliest != null) {
            deadlines.fire(new TimerDeadlineWritten(earliest));
        }
    }
}
