package dev.frostline.telemetry.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LeastSquaresLineTest {

    @Test
    void pointsOnALineGiveThatLineExactly() {
        LeastSquaresLine line = LeastSquaresLine.fit(new double[] {0, 1, 2, 3}, new double[] {80, 78, 76, 74})
                .orElseThrow();
        assertThat(line.slope()).isCloseTo(-2, within(1e-12));
        assertThat(line.intercept()).isCloseTo(80, within(1e-12));
        assertThat(line.xAt(20)).isCloseTo(30, within(1e-9));
    }

    @Test
    void scatteredPointsGiveTheLeastSquaresFitComputedByHand() {
        // x = 1..5, y = 2, 4, 5, 4, 5: mean x 3, mean y 4, Sxy = 6, Sxx = 10 -> slope 0.6, intercept 2.2.
        LeastSquaresLine line = LeastSquaresLine.fit(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5})
                .orElseThrow();
        assertThat(line.slope()).isCloseTo(0.6, within(1e-12));
        assertThat(line.intercept()).isCloseTo(2.2, within(1e-12));
        assertThat(line.valueAt(10)).isCloseTo(8.2, within(1e-12));
    }

    @Test
    void largeXValuesSuchAsTimestampsKeepTheirPrecision() {
        double base = 1.8e9;
        LeastSquaresLine line = LeastSquaresLine.fit(new double[] {base, base + 1, base + 2},
                new double[] {50, 49.5, 49}).orElseThrow();
        assertThat(line.slope()).isCloseTo(-0.5, within(1e-9));
    }

    @Test
    void oneXValueOrFewerThanTwoPointsHasNoLine() {
        assertThat(LeastSquaresLine.fit(new double[] {1}, new double[] {5})).isEmpty();
        assertThat(LeastSquaresLine.fit(new double[] {2, 2, 2}, new double[] {5, 6, 7})).isEmpty();
        assertThat(LeastSquaresLine.fit(new double[0], new double[0])).isEmpty();
    }
}
