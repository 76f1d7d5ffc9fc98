package dev.frostline.bench;

import java.util.LinkedHashMap;
import java.util.List;
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
 * each finishes the step it has in flight and reports itself drained. So a phase counts exactly
 * the steps that started in it, and no step of the next phase overlaps with them.
 *
 * <p>Outcomes go into named series (one per target for plain requests, one per operation and one
 * for all of them in a mix); all series share the phase's window, so their rates add up.
 */
final class Phase {

    private static final int SIGNIFICANT_DIGITS = 3;

    final Target target;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final AtomicLong lastCompletionNanos = new AtomicLong();
    private final CountDownLatch drained;
    private volatile boolean stopped;
    private long startNanos;

    Phase(Target target, List<String> seriesNames, int clients) {
        this.target = target;
        seriesNames.forEach(name -> series.put(name, new Series()));
        this.drained = new CountDownLatch(clients);
    }

    void start() {
        startNanos = System.nanoTime();
        lastCompletionNanos.set(startNanos);
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

    void success(String name, long startedNanos, long endedNanos) {
        success(name, startedNanos, endedNanos, 1);
    }

    /**
     * One step that carried {@code items} (readings of a batch, rows of a COPY): one latency, and
     * {@code items} in the series' count and rate.
     */
    void success(String name, long startedNanos, long endedNanos, long items) {
        Series s = series(name);
        s.latenciesMicros.recordValue(Math.max(1, (endedNanos - startedNanos) / 1_000));
        s.successes.add(items);
        completed(endedNanos);
    }

    /** An expected refusal (412: another client changed the entity first): neither a success nor an error. */
    void conflict(String name, long endedNanos) {
        series(name).conflicts.increment();
        completed(endedNanos);
    }

    /** @param kind the HTTP status, or the exception's class name when there was no response */
    void error(String name, String kind, long endedNanos) {
        series(name).errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        completed(endedNanos);
    }

    /** Only after {@link #awaitDrained}: every recording is done by then. One result per series, in order. */
    List<PhaseResult> results(int round) {
        double seconds = elapsedSeconds();
        return series.entrySet().stream().map(e -> e.getValue().result(e.getKey(), round, seconds)).toList();
    }

    /** From the start to the last completion: the window the rates of {@link #results} are over. */
    double elapsedSeconds() {
        return (lastCompletionNanos.get() - startNanos) / 1e9;
    }

    private Series series(String name) {
        Series s = series.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no series " + name + " in this phase: " + series.keySet());
        }
        return s;
    }

    private void completed(long endedNanos) {
        lastCompletionNanos.accumulateAndGet(endedNanos, Math::max);
    }

    private static final class Series {
        final Recorder latenciesMicros = new Recorder(SIGNIFICANT_DIGITS);
        final LongAdder successes = new LongAdder();
        final LongAdder conflicts = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

        PhaseResult result(String name, int round, double seconds) {
            Histogram histogram = latenciesMicros.getIntervalHistogram();
            Map<String, Long> errorCounts = new TreeMap<>();
            errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
            long count = successes.sum();
            return new PhaseResult(name, round, count, seconds > 0 ? count / seconds : 0,
                    histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                    histogram.getValueAtPercentile(99), histogram.getMaxValue(), conflicts.sum(), errorCounts);
        }
    }
}
