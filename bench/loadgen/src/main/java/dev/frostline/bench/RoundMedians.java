package dev.frostline.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Medians over rounds, metric by metric: one slow round (a compile elsewhere on the machine) moves
 * a median far less than a mean. Errors and conflicts are summed, since any error matters and
 * conflicts are few.
 */
final class RoundMedians {

    private RoundMedians() {
    }

    static PhaseResult of(String target, List<PhaseResult> rounds) {
        Map<String, Long> errors = new TreeMap<>();
        rounds.forEach(r -> r.errors().forEach((kind, count) -> errors.merge(kind, count, Long::sum)));
        return new PhaseResult(target, rounds.size(),
                Math.round(median(rounds, PhaseResult::count)),
                median(rounds, PhaseResult::requestsPerSecond),
                Math.round(median(rounds, PhaseResult::p50Micros)),
                Math.round(median(rounds, PhaseResult::p90Micros)),
                Math.round(median(rounds, PhaseResult::p99Micros)),
                Math.round(median(rounds, PhaseResult::maxMicros)),
                rounds.stream().mapToLong(PhaseResult::conflicts).sum(),
                errors);
    }

    static <T> double median(List<T> rounds, ToDoubleFunction<T> metric) {
        double[] values = rounds.stream().mapToDouble(metric).sorted().toArray();
        int n = values.length;
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
