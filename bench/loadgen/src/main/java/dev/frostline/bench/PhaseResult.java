package dev.frostline.bench;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one phase measured: successful responses, their throughput and latency percentiles (in
 * microseconds), and the failures by kind. For a median over rounds, {@code round} is the number of
 * rounds. Errors are not in the latencies: a fast 429 or 401 would flatter them.
 */
record PhaseResult(String target, int round, long count, double requestsPerSecond, long p50Micros,
        long p90Micros, long p99Micros, long maxMicros, Map<String, Long> errors) {

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line of whitespace-separated key=value pairs, which the bench scripts parse. */
    String line(String kind) {
        String errorDetail = errors.isEmpty() ? "-"
                : errors.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
        return String.format(Locale.ROOT,
                "%s target=%s %s=%d count=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d errors=%d error_kinds=%s",
                kind, target, kind.equals("median") ? "rounds" : "round", round, count, requestsPerSecond,
                p50Micros, p90Micros, p99Micros, maxMicros, errorCount(), errorDetail);
    }
}
