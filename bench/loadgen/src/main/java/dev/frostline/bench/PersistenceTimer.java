package dev.frostline.bench;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Times sampled requests from their 202 to the moment all their readings are in PostgreSQL, by
 * polling the readings table for the IDs the 202 named. Runs on its own small pool with its own
 * connections, never on the load generator's event loops.
 *
 * <p>A sample is polled every tenth of the time it has waited so far (at least 2 ms, at most
 * 200 ms apart), so its time is overstated by at most about 10% (or 2 ms) while a long persister
 * lag costs a handful of queries per sample instead of one every few milliseconds.
 */
final class PersistenceTimer {

    private static final long MIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ReadingsTable.Database database;
    private final ScheduledExecutorService pollers;
    private final Map<Thread, ReadingsTable> tables = new ConcurrentHashMap<>();

    PersistenceTimer(ReadingsTable.Database database, int threads) {
        this.database = database;
        this.pollers = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "persistence-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The samples of one phase. */
    final class Samples {

        private final Recorder latenciesMicros = new Recorder(3);
        private final AtomicLong pending = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private volatile boolean abandoned;

        /** @param acceptedNanos when the 202 naming {@code ids} was read ({@link System#nanoTime()}) */
        void track(List<UUID> ids, long acceptedNanos) {
            pending.incrementAndGet();
            pollers.execute(() -> poll(ids, acceptedNanos));
        }

        private void poll(List<UUID> ids, long acceptedNanos) {
            if (abandoned) {
                pending.decrementAndGet();
                return;
            }
            long stored;
            try {
                stored = table().storedOf(ids);
            } catch (SQLException e) {
                dropTable();
                errors.incrementAndGet();
                pending.decrementAndGet();
                return;
            }
            long now = System.nanoTime();
            long waited = now - acceptedNanos;
            if (stored >= ids.size()) {
                latenciesMicros.recordValue(Math.max(1, waited / 1_000));
                pending.decrementAndGet();
                return;
            }
            long delay = Math.min(MAX_POLL_NANOS, Math.max(MIN_POLL_NANOS, waited / 10));
            pollers.schedule(() -> poll(ids, acceptedNanos), delay, TimeUnit.NANOSECONDS);
        }

        /** @return whether every sample completed (or failed) before the deadline */
        boolean awaitAll(long deadlineNanos) throws InterruptedException {
            while (pending.get() > 0) {
                if (System.nanoTime() >= deadlineNanos) {
                    return false;
                }
                Thread.sleep(10);
            }
            return true;
        }

        /** Stops polling what is still pending: the phase gave up waiting for it. */
        long abandon() {
            abandoned = true;
            return pending.get();
        }

        Histogram histogram() {
            return latenciesMicros.getIntervalHistogram();
        }

        long errors() {
            return errors.get();
        }
    }

    Samples newPhase() {
        return new Samples();
    }

    private ReadingsTable table() throws SQLException {
        ReadingsTable table = tables.get(Thread.currentThread());
        if (table == null) {
            table = new ReadingsTable(database);
            tables.put(Thread.currentThread(), table);
        }
        return table;
    }

    /** After an error the connection may be broken: the next poll on this thread opens a new one. */
    private void dropTable() {
        ReadingsTable table = tables.remove(Thread.currentThread());
        if (table != null) {
            table.close();
        }
    }

    void close() throws InterruptedException {
        pollers.shutdownNow();
        pollers.awaitTermination(10, TimeUnit.SECONDS);
        tables.values().forEach(ReadingsTable::close);
    }
}
