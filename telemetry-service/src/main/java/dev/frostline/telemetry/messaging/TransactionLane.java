package dev.frostline.telemetry.messaging;

import dev.frostline.support.messaging.KafkaSender.JsonRecord;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * One transactional producer and the one thread that uses it. A producer runs one transaction at a
 * time, so every transaction of the lane runs on its thread, one after the other; the calls block
 * (metadata, flush, commit), which is why the thread is the lane's own and never an event loop.
 *
 * <p>Invariant: a batch is committed whole or not at all. Any failure before the commit aborts the
 * transaction; a producer whose state is unknown (fenced, a commit that timed out, an abort that
 * failed) is closed, and its successor's {@code initTransactions} with the same transactional ID
 * settles the open transaction on the broker, all or nothing, before the lane goes on.
 *
 * <p>Group commit: requests that arrive while a transaction runs wait in a queue, and the next
 * transaction carries all of them (up to {@link #MAX_GROUP_RECORDS} records). A transaction costs a
 * few round trips to the coordinator whatever its size, so one per request capped the lane at a few
 * dozen requests a second. Each request is still all or nothing, since its records are in exactly one
 * transaction; the price is shared fate: a failed transaction fails every request in it (each is
 * answered 503 and retried). The group's deadline is its earliest member's, so no record becomes
 * visible after its request was told it failed.
 */
final class TransactionLane implements AutoCloseable {

    /** At most this many records go in one transaction, so a group never outgrows a request's deadline. */
    static final int MAX_GROUP_RECORDS = 20_000;

    private final String name;
    private final Supplier<Producer<String, String>> producers;
    private final Clock clock;
    private final ExecutorService thread;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    /** Touched on the lane's thread only. */
    private Producer<String, String> producer;

    /** @param producers makes a producer with the lane's transactional ID, not yet initialized */
    TransactionLane(String name, Supplier<Producer<String, String>> producers, Clock clock) {
        this.name = name;
        this.producers = producers;
        this.clock = clock;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Completes once Kafka committed every record in one transaction, or fails with nothing of them
     * visible to read_committed consumers. A batch still waiting for the lane at {@code deadline} is
     * not started, and one whose sends complete only after it is aborted, not committed.
     */
    CompletableFuture<Void> publish(List<JsonRecord> records, Instant deadline) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.add(new Pending(records, deadline, done));
        try {
            // One task per request: a task finding the queue emptied by an earlier one does nothing,
            // and every request is taken by some task, even those left over by a full group.
            thread.execute(this::runPendingGroup);
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private record Pending(List<JsonRecord> records, Instant deadline, CompletableFuture<Void> done) {
    }

    private void runPendingGroup() {
        List<Pending> group = new ArrayList<>();
        List<JsonRecord> records = new ArrayList<>();
        Instant deadline = Instant.MAX;
        Pending next;
        while (records.size() < MAX_GROUP_RECORDS && (next = pending.poll()) != null) {
            if (clock.instant().isAfter(next.deadline())) {
                next.done().completeExceptionally(new TimeoutException("deadline passed while waiting for the lane"));
                continue;
            }
            group.add(next);
            records.addAll(next.records());
            if (next.deadline().isBefore(deadline)) {
                deadline = next.deadline();
            }
        }
        if (group.isEmpty()) {
            return;
        }
        try {
            runTransaction(records, deadline);
        } catch (RuntimeException e) {
            group.forEach(member -> member.done().completeExceptionally(e));
            return;
        }
        group.forEach(member -> member.done().complete(null));
    }

    private void runTransaction(List<JsonRecord> records, Instant deadline) {
        requireBefore(deadline, "waiting for the lane");
        Producer<String, String> current = producer();
        try {
            current.beginTransaction();
        } catch (RuntimeException e) {
            discard(e);
            throw e;
        }
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (JsonRecord record : records) {
                sent.add(current.send(new ProducerRecord<>(record.topic(), record.key(), record.json())));
            }
            for (Future<RecordMetadata> send : sent) {
                awaitSend(send, deadline);
            }
            requireBefore(deadline, "sending");
        } catch (RuntimeException e) {
            abort(e);
            throw e;
        }
        try {
            current.commitTransaction();
        } catch (RuntimeException e) {
            // Also after a commit timeout: whether the commit happened is settled by the next producer.
            discard(e);
            throw e;
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Producer<String, String> fresh = producers.get();
            try {
                fresh.initTransactions();
            } catch (RuntimeException e) {
                fresh.close(Duration.ZERO);
                throw e;
            }
            producer = fresh;
        }
        return producer;
    }

    private void awaitSend(Future<RecordMetadata> send, Instant deadline) {
        try {
            send.get(Math.max(0, Duration.between(clock.instant(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while sending", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new KafkaException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TimeoutException("records not acknowledged before the deadline");
        }
    }

    private void requireBefore(Instant deadline, String what) {
        if (clock.instant().isAfter(deadline)) {
            throw new TimeoutException("deadline passed while " + what);
        }
    }

    private void abort(RuntimeException cause) {
        if (isFatal(cause)) {
            discard(cause);
            return;
        }
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            discard(e);
        }
    }

    private void discard(RuntimeException cause) {
        Log.warnf("closing transactional producer %s after %s", name, cause.toString());
        try {
            producer.close(Duration.ZERO);
        } catch (RuntimeException e) {
            Log.debugf("closing %s: %s", name, e);
        }
        producer = null;
    }

    /** Errors after which Kafka's producer can take no further transaction. */
    private static boolean isFatal(RuntimeException e) {
        return e instanceof ProducerFencedException || e instanceof OutOfOrderSequenceException
                || e instanceof AuthorizationException || e instanceof UnsupportedVersionException;
    }

    @Override
    public void close() {
        thread.submit(() -> {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
