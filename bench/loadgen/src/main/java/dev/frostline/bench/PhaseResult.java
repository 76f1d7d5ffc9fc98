package dev.frostline.bench;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one series of a phase measured: successes (or the items they carried: readings of a batch,
 * rows of a COPY), their throughput and latency percentiles per step (in microseconds), conflicts (412s where they are expected) and the failures by kind. {@code target}
 * names the series: the target, or an operation of a mix. For a median over rounds, {@code round} is
 * the number of rounds. Errors and conflicts are not in the latencies: a fast 429 or 412 would
 * flatter them.
 */
record PhaseResult(String target, int round, long count, double requestsPerSecond, long p50Micros,
        long p90Micros, long p99Micros, long maxMicros, long conflicts, Map<String, Long> errors) {

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line of whitespace-separated key=value pairs, which the bench scripts parse. */
    String line(String kind) {
        String errorDetail = errors.isEmpty() ? "-"
                : errors.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
        return String.format(Locale.ROOT,
                "%s target=%s %s=%d count=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d conflicts=%d errors=%d"
                        + " error_kinds=%s",
                kind, target, kind.equals("median") ? "rounds" : "round", round, count, requestsPerSecond,
                p50Micros, p90Micros, p99Micros, maxMicros, conflicts, errorCount(), errorDetail);
    }
}
