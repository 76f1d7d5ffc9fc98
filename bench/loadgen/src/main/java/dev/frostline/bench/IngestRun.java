package dev.frostline.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ingest benchmark: the device fleet at each target rate and the baselines, a warm-up of each,
 * then R rounds that run them in turn (every rate, then Kafka, then COPY), so that whatever else the
 * machine does meanwhile hits all of them alike; medians over rounds. Rounds and medians go to
 * {@code out}, progress and warm-ups to {@code progress}.
 */
final class IngestRun {

    record Settings(List<Double> rates, double warmupSeconds, double durationSeconds, int rounds) {

        Settings {
            if (rounds < 1 || durationSeconds <= 0 || warmupSeconds < 0) {
                throw new IllegalArgumentException("--rounds must be at least 1, --duration above 0, --warmup at least 0");
            }
            if (rates.stream().anyMatch(rate -> !(rate > 0))) {
                throw new IllegalArgumentException("target rates must be above 0 readings/s, got: " + rates);
            }
        }
    }

    private final Settings settings;
    private final DeviceFleet fleet;
    private final List<Baseline> baselines;
    private final PrintStream out;
    private final PrintStream progress;

    /** @param fleet null when the platform is not measured (baselines only) */
    IngestRun(Settings settings, DeviceFleet fleet, List<Baseline> baselines, PrintStream out, PrintStream progress) {
        if (fleet != null && settings.rates().isEmpty()) {
            throw new IllegalArgumentException("the platform is measured at target rates: give --rates");
        }
        this.settings = settings;
        this.fleet = fleet;
        this.baselines = baselines;
        this.out = out;
        this.progress = progress;
    }

    void run() throws Exception {
        if (settings.warmupSeconds() > 0) {
            if (fleet != null) {
                double highest = settings.rates().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                progress.printf(Locale.ROOT, "loadgen: warming up the platform at %.0f readings/s for %.0f s%n",
                        highest, settings.warmupSeconds());
                progress.println(fleet.measure(name(highest), highest, settings.warmupSeconds(), 0).line("warmup"));
            }
            for (Baseline baseline : baselines) {
                progress.printf(Locale.ROOT, "loadgen: warming up %s for %.0f s%n", baseline.name(), settings.warmupSeconds());
                progress.println(baseline.measure(settings.warmupSeconds(), 0).line("warmup"));
            }
        }
        Map<String, List<IngestRound>> platform = new LinkedHashMap<>();
        Map<String, List<PhaseResult>> baseline = new LinkedHashMap<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            if (fleet != null) {
                for (double rate : settings.rates()) {
                    progress.printf(Locale.ROOT, "loadgen: round %d, platform at %.0f readings/s%n", round, rate);
                    IngestRound result = fleet.measure(name(rate), rate, settings.durationSeconds(), round);
                    out.println(result.line("round"));
                    platform.computeIfAbsent(result.target(), k -> new ArrayList<>()).add(result);
                }
            }
            for (Baseline b : baselines) {
                progress.printf("loadgen: round %d, %s%n", round, b.name());
                PhaseResult result = b.measure(settings.durationSeconds(), round);
                out.println(result.line("round"));
                baseline.computeIfAbsent(result.target(), k -> new ArrayList<>()).add(result);
            }
        }
        platform.forEach((name, rounds) -> out.println(IngestRound.medianOf(name, rounds).line("median")));
        baseline.forEach((name, rounds) -> out.println(RoundMedians.of(name, rounds).line("median")));
    }

    static String name(double rate) {
        return String.format(Locale.ROOT, "frostline@%.0f", rate);
    }
}
