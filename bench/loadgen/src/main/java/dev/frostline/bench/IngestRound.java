package dev.frostline.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What one phase of devices against the platform measured, at one target rate (readings/s).
 * Latencies in microseconds: {@code p50/p90/p99/max} of the ingest response counted from when each
 * batch was due, {@code sent_*} from when it went out, {@code persist_*} from the 202 to all of the
 * request's readings being in PostgreSQL (sampled requests). {@code acceptedRate} is readings in 202
 * answers per second of the window (or of the longer time until the last answer came);
 * {@code persistedRate} the readings of the window stored by the time it was counted, right after the
 * last answer, per second since the window began.
 *
 * @param late requests that went out more than {@link PacedDevice#LATE_NANOS} after they were due
 * @param drainMillis from the end of the window until every accepted reading was stored; -1 when
 *        they were not all stored before the load generator stopped waiting
 * @param unpersisted accepted readings still not stored when the load generator stopped waiting
 */
record IngestRound(String target, int round, double targetRate, long requests, long readings, double acceptedRate,
        long p50Micros, long p90Micros, long p99Micros, long maxMicros, long sentP50Micros, long sentP99Micros,
        long late, double persistedRate, long persistSamples, long persistP50Micros, long persistP99Micros,
        long persistMaxMicros, long persistErrors, long drainMillis, long unpersisted, Map<String, Long> errors) {

    /** Below this share of the target rate, the target counts as not reached. */
    static final double REACHED_SHARE = 0.95;

    boolean reached() {
        return acceptedRate >= REACHED_SHARE * targetRate;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Medians over rounds, metric by metric; errors summed, and the worst backlog left (and undrained). */
    static IngestRound medianOf(String target, List<IngestRound> rounds) {
        Map<String, Long> errors = new TreeMap<>();
        rounds.forEach(r -> r.errors().forEach((kind, count) -> errors.merge(kind, count, Long::sum)));
        return new IngestRound(target, rounds.size(), rounds.get(0).targetRate(),
                m(rounds, IngestRound::requests), m(rounds, IngestRound::readings),
                RoundMedians.median(rounds, IngestRound::acceptedRate),
                m(rounds, IngestRound::p50Micros), m(rounds, IngestRound::p90Micros), m(rounds, IngestRound::p99Micros),
                m(rounds, IngestRound::maxMicros), m(rounds, IngestRound::sentP50Micros),
                m(rounds, IngestRound::sentP99Micros), m(rounds, IngestRound::late),
                RoundMedians.median(rounds, IngestRound::persistedRate), m(rounds, IngestRound::persistSamples),
                m(rounds, IngestRound::persistP50Micros), m(rounds, IngestRound::persistP99Micros),
                m(rounds, IngestRound::persistMaxMicros),
                rounds.stream().mapToLong(IngestRound::persistErrors).sum(),
                // -1: some accepted readings were never seen stored; one such round makes the median one too.
                rounds.stream().anyMatch(r -> r.drainMillis() < 0) ? -1 : m(rounds, IngestRound::drainMillis),
                rounds.stream().mapToLong(IngestRound::unpersisted).max().orElse(0), errors);
    }

    private static long m(List<IngestRound> rounds, ToLongFunction<IngestRound> metric) {
        return Math.round(RoundMedians.median(rounds, r -> (double) metric.applyAsLong(r)));
    }

    /** One line of whitespace-separated key=value pairs, which bench/ingest.sh parses. */
    String line(String kind) {
        String errorDetail = errors.isEmpty() ? "-"
                : errors.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
        return String.format(Locale.ROOT,
                "%s target=%s %s=%d target_rps=%.0f requests=%d readings=%d accepted_rps=%.1f reached=%s"
                        + " p50_us=%d p90_us=%d p99_us=%d max_us=%d sent_p50_us=%d sent_p99_us=%d late=%d"
                        + " persisted_rps=%.1f persist_samples=%d persist_p50_us=%d persist_p99_us=%d"
                        + " persist_max_us=%d persist_errors=%d drain_ms=%d unpersisted=%d errors=%d error_kinds=%s",
                kind, target, kind.equals("median") ? "rounds" : "round", round, targetRate, requests, readings,
                acceptedRate, reached(), p50Micros, p90Micros, p99Micros, maxMicros, sentP50Micros, sentP99Micros,
                late, persistedRate, persistSamples, persistP50Micros, persistP99Micros, persistMaxMicros,
                persistErrors, drainMillis, unpersisted, errorCount(), errorDetail);
    }
}
