package dev.frostline.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One measurement window of the devices against the platform: the HTTP outcomes (a {@link Phase}
 * with two latency series of the same requests), the sampled 202-to-PostgreSQL timings, and what
 * the report needs besides (late starts, the first refusal's body).
 */
final class IngestPhase {

    /** Latency from when the batch was due: what a device on its schedule waits. */
    static final String FROM_DUE = "ingest";
    /** Latency from when the request actually went out: the platform's response time alone. */
    static final String FROM_SEND = "ingest_sent";

    private final Phase http;
    private final PersistenceTimer.Samples samples;
    private final long endNanos;
    private final int sampleEvery;
    private final String messageIdPrefix;
    private final LongAdder late = new LongAdder();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicReference<String> firstRefusal = new AtomicReference<>();
    private final long startNanos;

    /**
     * @param messageIdPrefix unique to this phase of this run, so no reading repeats an earlier
     *        message ID (telemetry would answer a repeat 202 and store nothing new)
     */
    IngestPhase(Target target, int devices, double seconds, PersistenceTimer.Samples samples, int sampleEvery,
            String messageIdPrefix) {
        this.http = new Phase(target, List.of(FROM_DUE, FROM_SEND), devices);
        this.samples = samples;
        this.sampleEvery = sampleEvery;
        this.messageIdPrefix = messageIdPrefix;
        http.start();
        this.startNanos = System.nanoTime();
        this.endNanos = startNanos + Math.round(seconds * 1e9);
    }

    Phase http() {
        return http;
    }

    PersistenceTimer.Samples samples() {
        return samples;
    }

    long startNanos() {
        return startNanos;
    }

    long endNanos() {
        return endNanos;
    }

    String messageIdPrefix() {
        return messageIdPrefix;
    }

    LongAdder late() {
        return late;
    }

    /** Whether the request about to be sent is one of the 1 in {@code sampleEvery} timed to PostgreSQL. */
    boolean takeSample() {
        return requests.getAndIncrement() % sampleEvery == 0;
    }

    /** Keeps the body of the first refused request, to show why the platform refused. */
    void firstRefusal(String answer) {
        firstRefusal.compareAndSet(null, answer.length() > 500 ? answer.substring(0, 500) + "..." : answer);
    }

    String firstRefusal() {
        return firstRefusal.get();
    }
}
