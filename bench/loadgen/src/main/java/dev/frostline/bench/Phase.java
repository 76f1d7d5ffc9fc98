package dev.frostline.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One measurement window against one target. Every client runs in it until {@link #stop()}; then
 * each finishes the request it has in flight and reports itself drained. So a phase counts exactly
 * the requests that started in it, and no request of the next phase overlaps with them.
 */
final class Phase {

    private static final int SIGNIFICANT_DIGITS = 3;

    final Target target;
    private final Recorder latenciesMicros = new Recorder(SIGNIFICANT_DIGITS);
    private final LongAdder successes = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final AtomicLong lastCompletionNanos = new AtomicLong();
    private final CountDownLatch drained;
    private volatile boolean stopped;
    private long startNanos;

    Phase(Target target, int clients) {
        this.target = target;
        this.drained = new CountDownLatch(clients);
    }

    void start() {
        startNanos = System.nanoTime();
        lastCompletionNanos.set(startNanos);
        latenciesMicros.reset();
    }

    boolean stopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
    }

    /** Called by each client once it has nothing in flight in this phase. */
    void drainedOne() {
        drained.countDown();
    }

    boolean awaitDrained(long timeoutSeconds) throws InterruptedException {
        return drained.await(timeoutSeconds, TimeUnit.SECONDS);
    }

    void success(long startedNanos, long endedNanos) {
        latenciesMicros.recordValue(Math.max(1, (endedNanos - startedNanos) / 1_000));
        successes.increment();
        lastCompletionNanos.accumulateAndGet(endedNanos, Math::max);
    }

    /** @param kind the HTTP status, or the exception's class name when there was no response */
    void error(String kind, long endedNanos) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        lastCompletionNanos.accumulateAndGet(endedNanos, Math::max);
    }

    /** Only after {@link #awaitDrained}: every recording is done by then. */
    PhaseResult result(int round) {
        Histogram histogram = latenciesMicros.getIntervalHistogram();
        double seconds = (lastCompletionNanos.get() - startNanos) / 1e9;
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
        long count = successes.sum();
        return new PhaseResult(target.name(), round, count, seconds > 0 ? count / seconds : 0,
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getMaxValue(), errorCounts);
    }
}
