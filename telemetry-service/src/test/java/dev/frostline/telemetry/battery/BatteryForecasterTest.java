package dev.frostline.telemetry.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatteryForecasterTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final BatteryForecaster forecaster = new BatteryForecaster(20, 5, Duration.ofDays(1));

    /** One reading a day for {@code days} days up to now, starting at {@code start} and changing by {@code perDay}. */
    private static List<BatteryPoint> daily(int days, double start, double perDay) {
        List<BatteryPoint> points = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            points.add(new BatteryPoint(NOW.minus(Duration.ofDays(days - 1 - i)), start + perDay * i));
        }
        return points;
    }

    @Test
    void aSteadyDrainGivesTheDayTheLineCrossesTheThreshold() {
        // 70 % now, 1 % a day: 50 days to 20 %.
        BatteryForecast forecast = forecaster.forecast(daily(10, 79, -1), NOW);
        assertThat(forecast).isInstanceOfSatisfying(BatteryForecast.Expected.class, expected -> {
            assertThat(expected.days()).isCloseTo(50, within(1e-6));
            assertThat(expected.expectedAt()).isEqualTo(NOW.plus(Duration.ofDays(50)));
            assertThat(expected.fittedPctNow()).isCloseTo(70, within(1e-6));
            assertThat(expected.slopePctPerDay()).isCloseTo(-1, within(1e-9));
            assertThat(expected.points()).isEqualTo(10);
        });
    }

    @Test
    void theFitIsExtrapolatedToNowNotToTheLastReading() {
        // Last reading 5 days ago at 70 %, 2 % a day: 60 % now, 20 days to go.
        List<BatteryPoint> points = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            points.add(new BatteryPoint(NOW.minus(Duration.ofDays(10 - i)), 80 - 2 * i));
        }
        BatteryForecast forecast = forecaster.forecast(points, NOW);
        assertThat(forecast).isInstanceOfSatisfying(BatteryForecast.Expected.class,
                expected -> assertThat(expected.days()).isCloseTo(20, within(1e-6)));
    }

    @Test
    void aLevelAlreadyBelowTheThresholdIsDueNow() {
        BatteryForecast forecast = forecaster.forecast(daily(6, 25, -2), NOW);
        assertThat(forecast).isInstanceOfSatisfying(BatteryForecast.Expected.class, expected -> {
            assertThat(expected.days()).isZero();
            assertThat(expected.expectedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void fewerThanTheMinimumOfPointsIsUnknown() {
        assertThat(forecaster.forecast(daily(4, 80, -1), NOW))
                .isInstanceOfSatisfying(BatteryForecast.Unknown.class, unknown -> {
                    assertThat(unknown.points()).isEqualTo(4);
                    assertThat(unknown.reason()).contains("at least 5");
                });
        assertThat(forecaster.forecast(List.of(), NOW)).isInstanceOf(BatteryForecast.Unknown.class);
    }

    @Test
    void manyPointsWithinLessThanTheMinimumSpanAreUnknown() {
        List<BatteryPoint> points = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            points.add(new BatteryPoint(NOW.minus(Duration.ofHours(20 - i)), 80 - i * 0.5));
        }
        assertThat(forecaster.forecast(points, NOW)).isInstanceOfSatisfying(BatteryForecast.Unknown.class,
                unknown -> assertThat(unknown.reason()).contains("span"));
    }

    @Test
    void aFlatOrRisingLevelIsUnknown() {
        assertThat(forecaster.forecast(daily(10, 60, 0), NOW)).isInstanceOfSatisfying(BatteryForecast.Unknown.class,
                unknown -> assertThat(unknown.reason()).contains("not falling"));
        assertThat(forecaster.forecast(daily(10, 30, 5), NOW)).isInstanceOf(BatteryForecast.Unknown.class);
    }
}
