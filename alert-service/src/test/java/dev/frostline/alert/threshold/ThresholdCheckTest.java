package dev.frostline.alert.threshold;

import static dev.frostline.alert.threshold.ThresholdCheck.Outcome.NO_CHANGE;
import static dev.frostline.alert.threshold.ThresholdCheck.Outcome.OPEN_ALERT;
import static dev.frostline.alert.threshold.ThresholdCheck.Outcome.RAISE_PEAK;
import static dev.frostline.alert.threshold.ThresholdCheck.Outcome.RESOLVE_ALERT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ThresholdCheckTest {

    private static final Bounds FRIDGE = new Bounds(2.0, 8.0);
    private static final OptionalDouble NONE_OPEN = OptionalDouble.empty();

    private static ThresholdCheck.Outcome check(Bounds bounds, double value, OptionalDouble openPeak) {
        return ThresholdCheck.evaluate(bounds, value, openPeak);
    }

    @Test
    void readingBelowMinOpensAnAlert() {
        assertThat(check(FRIDGE, 1.9, NONE_OPEN)).isEqualTo(OPEN_ALERT);
    }

    @Test
    void readingAboveMaxOpensAnAlert() {
        assertThat(check(FRIDGE, 8.1, NONE_OPEN)).isEqualTo(OPEN_ALERT);
    }

    @Test
    void readingInsideChangesNothing() {
        assertThat(check(FRIDGE, 5.0, NONE_OPEN)).isEqualTo(NO_CHANGE);
    }

    @Test
    void readingExactlyOnABoundIsInside() {
        assertThat(check(FRIDGE, 2.0, NONE_OPEN)).isEqualTo(NO_CHANGE);
        assertThat(check(FRIDGE, 8.0, NONE_OPEN)).isEqualTo(NO_CHANGE);
    }

    @Test
    void onlyTheGivenBoundIsChecked() {
        Bounds maxOnly = new Bounds(null, 8.0);
        assertThat(check(maxOnly, -40.0, NONE_OPEN)).isEqualTo(NO_CHANGE);
        assertThat(check(maxOnly, 8.5, NONE_OPEN)).isEqualTo(OPEN_ALERT);
        Bounds minOnly = new Bounds(20.0, null);
        assertThat(check(minOnly, 1000.0, NONE_OPEN)).isEqualTo(NO_CHANGE);
        assertThat(check(minOnly, 19.0, NONE_OPEN)).isEqualTo(OPEN_ALERT);
    }

    @Test
    void readingFurtherOutThanThePeakOfTheOpenAlertRaisesThePeak() {
        assertThat(check(FRIDGE, 10.0, OptionalDouble.of(9.0))).isEqualTo(RAISE_PEAK);
        assertThat(check(FRIDGE, -1.0, OptionalDouble.of(1.0))).isEqualTo(RAISE_PEAK);
    }

    @Test
    void peakIsTheFurthestOutOnEitherSide() {
        // Opened at 9 (1 above max); -1 is 3 below min, so it is the new peak.
        assertThat(check(FRIDGE, -1.0, OptionalDouble.of(9.0))).isEqualTo(RAISE_PEAK);
        assertThat(check(FRIDGE, 1.5, OptionalDouble.of(9.0))).isEqualTo(NO_CHANGE);
    }

    @Test
    void readingStillOutButNotPastThePeakChangesNothing() {
        assertThat(check(FRIDGE, 9.0, OptionalDouble.of(10.0))).isEqualTo(NO_CHANGE);
        assertThat(check(FRIDGE, 10.0, OptionalDouble.of(10.0))).isEqualTo(NO_CHANGE);
    }

    @Test
    void readingBackInsideResolvesTheOpenAlert() {
        assertThat(check(FRIDGE, 5.0, OptionalDouble.of(10.0))).isEqualTo(RESOLVE_ALERT);
    }

    @Test
    void readingBackExactlyOnABoundResolvesTheOpenAlert() {
        assertThat(check(FRIDGE, 8.0, OptionalDouble.of(10.0))).isEqualTo(RESOLVE_ALERT);
        assertThat(check(FRIDGE, 2.0, OptionalDouble.of(0.0))).isEqualTo(RESOLVE_ALERT);
    }

    @Test
    void nonFiniteReadingNeitherOpensNorResolves() {
        assertThat(check(FRIDGE, Double.NaN, NONE_OPEN)).isEqualTo(NO_CHANGE);
        assertThat(check(FRIDGE, Double.POSITIVE_INFINITY, NONE_OPEN)).isEqualTo(NO_CHANGE);
        assertThat(check(FRIDGE, Double.NaN, OptionalDouble.of(10.0))).isEqualTo(NO_CHANGE);
    }
}
