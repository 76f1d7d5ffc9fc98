package dev.frostline.alert.threshold;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Replays random reading sequences through {@link ThresholdCheck}, applying each outcome the way
 * EvaluatingReadings does, and checks the invariants the alert store relies on.
 */
class ThresholdCheckPropertyTest {

    record Scenario(Bounds bounds, List<Double> values) {
    }

    @Property
    void neverMoreThanOneAlertIsOpen(@ForAll("anyReadings") Scenario scenario) {
        AlertHistory history = AlertHistory.replay(scenario);
        assertThat(history.mostOpenAtOnce).isLessThanOrEqualTo(1);
    }

    @Property
    void noAlertOpensWhileEveryReadingIsInside(@ForAll("readingsInside") Scenario scenario) {
        AlertHistory history = AlertHistory.replay(scenario);
        assertThat(history.alerts).isEmpty();
    }

    @Property
    void anAlertIsOpenExactlyWhenTheLastReadingIsOutside(@ForAll("anyReadings") Scenario scenario) {
        AlertHistory history = AlertHistory.replay(scenario);
        boolean lastOutside = !scenario.values().isEmpty()
                && !scenario.bounds().contains(scenario.values().get(scenario.values().size() - 1));
        assertThat(history.open().isPresent()).isEqualTo(lastOutside);
    }

    @Property
    void peakIsTheFurthestOutsideReadingWhileOpen(@ForAll("anyReadings") Scenario scenario) {
        AlertHistory history = AlertHistory.replay(scenario);
        for (SimulatedAlert alert : history.alerts) {
            double furthest = alert.outsideReadings.stream().mapToDouble(scenario.bounds()::distanceOutside).max()
                    .orElseThrow();
            assertThat(scenario.bounds().distanceOutside(alert.peak)).isEqualTo(furthest);
        }
    }

    @Provide
    Arbitrary<Scenario> anyReadings() {
        return bounds().flatMap(bounds -> {
            Arbitrary<Double> anywhere = Arbitraries.doubles().between(-100, 100).ofScale(1);
            // Hitting the bounds exactly is where off-by-one mistakes live.
            Arbitrary<Double> onABound = Arbitraries.of(Stream.of(bounds.min(), bounds.max())
                    .filter(b -> b != null).toList());
            Arbitrary<Double> value = Arbitraries.frequencyOf(
                    Tuple.of(4, anywhere), Tuple.of(1, onABound));
            return value.list().ofMaxSize(40).map(values -> new Scenario(bounds, values));
        });
    }

    @Provide
    Arbitrary<Scenario> readingsInside() {
        return bounds().flatMap(bounds -> {
            double lo = bounds.min() != null ? bounds.min() : plus(bounds.max(), -100);
            double hi = bounds.max() != null ? bounds.max() : plus(bounds.min(), 100);
            Arbitrary<Double> inside = Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.doubles().between(lo, hi)),
                    Tuple.of(1, Arbitraries.of(lo, hi)));
            return inside.list().ofMaxSize(40).map(values -> new Scenario(bounds, values));
        });
    }

    private enum Sides { BOTH, MIN_ONLY, MAX_ONLY }

    private Arbitrary<Bounds> bounds() {
        Arbitrary<Double> low = Arbitraries.doubles().between(-50, 50).ofScale(1);
        Arbitrary<Double> width = Arbitraries.doubles().between(0.1, 40).ofScale(1);
        return Combinators.combine(low, width, Arbitraries.of(Sides.class)).as((lo, w, sides) -> {
            double hi = plus(lo, w);
            return switch (sides) {
                case BOTH -> new Bounds(lo, hi);
                case MIN_ONLY -> new Bounds(lo, null);
                case MAX_ONLY -> new Bounds(null, hi);
            };
        });
    }

    /** Summed in decimal, so a bound keeps its one decimal place like the values generated around it. */
    private static double plus(double a, double b) {
        return BigDecimal.valueOf(a).add(BigDecimal.valueOf(b)).doubleValue();
    }

    private static final class SimulatedAlert {
        double peak;
        boolean open = true;
        final List<Double> outsideReadings = new ArrayList<>();

        SimulatedAlert(double trigger) {
            peak = trigger;
            outsideReadings.add(trigger);
        }
    }

    /** A stand-in for the alerts table: applies outcomes literally, so a wrong outcome shows up. */
    private static final class AlertHistory {
        final List<SimulatedAlert> alerts = new ArrayList<>();
        int mostOpenAtOnce;

        static AlertHistory replay(Scenario scenario) {
            AlertHistory history = new AlertHistory();
            scenario.values().forEach(value -> history.apply(scenario.bounds(), value));
            return history;
        }

        Optional<SimulatedAlert> open() {
            return alerts.stream().filter(a -> a.open).findFirst();
        }

        void apply(Bounds bounds, double value) {
            Optional<SimulatedAlert> open = open();
            ThresholdCheck.Outcome outcome = ThresholdCheck.evaluate(bounds, value,
                    open.map(a -> OptionalDouble.of(a.peak)).orElse(OptionalDouble.empty()));
            open.filter(a -> !bounds.contains(value)).ifPresent(a -> a.outsideReadings.add(value));
            switch (outcome) {
                case OPEN_ALERT -> alerts.add(new SimulatedAlert(value));
                case RAISE_PEAK -> open.orElseThrow(() -> new AssertionError("peak raised with no alert open")).peak = value;
                case RESOLVE_ALERT -> open.orElseThrow(() -> new AssertionError("resolved with no alert open")).open = false;
                case NO_CHANGE -> {
                }
            }
            mostOpenAtOnce = Math.max(mostOpenAtOnce, (int) alerts.stream().filter(a -> a.open).count());
        }
    }
}
