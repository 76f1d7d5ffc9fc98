package dev.frostline.telemetry.battery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Forecasts the day a battery reaches a low threshold from a straight line fitted (least squares)
 * through its recent battery_pct readings. A battery drains roughly linearly over weeks; a forecast
 * from a handful of points or from less than a day of history would mostly reflect sensor noise, so
 * those answer {@link BatteryForecast.Unknown}, as does a level that is flat or rising (just replaced).
 */
public final class BatteryForecaster {

    private static final double SECONDS_PER_DAY = 86_400.0;

    private final double thresholdPct;
    private final int minPoints;
    private final Duration minSpan;

    public BatteryForecaster(double thresholdPct, int minPoints, Duration minSpan) {
        if (minPoints < 2) {
            throw new IllegalArgumentException("a line needs at least 2 points");
        }
        this.thresholdPct = thresholdPct;
        this.minPoints = minPoints;
        this.minSpan = minSpan;
    }

    public double thresholdPct() {
        return thresholdPct;
    }

    /** @param history the readings, oldest first */
    public BatteryForecast forecast(List<BatteryPoint> history, Instant now) {
        int n = history.size();
        if (n < minPoints) {
            return new BatteryForecast.Unknown("only " + n + " battery readings; at least " + minPoints + " are needed", n);
        }
        Instant first = history.get(0).recordedAt();
        Duration span = Duration.between(first, history.get(n - 1).recordedAt());
        if (span.compareTo(minSpan) < 0) {
            return new BatteryForecast.Unknown("battery readings span " + span + "; at least " + minSpan + " is needed", n);
        }
        double[] days = new double[n];
        double[] pct = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = daysBetween(first, history.get(i).recordedAt());
            pct[i] = history.get(i).pct();
        }
        Optional<LeastSquaresLine> fitted = LeastSquaresLine.fit(days, pct);
        if (fitted.isEmpty() || !(fitted.get().slope() < 0)) {
            return new BatteryForecast.Unknown("the battery level is not falling", n);
        }
        LeastSquaresLine line = fitted.get();
        double nowDay = daysBetween(first, now);
        double fittedNow = line.valueAt(nowDay);
        double daysLeft = Math.max(0, line.xAt(thresholdPct) - nowDay);
        Instant expectedAt = now.plusSeconds(Math.round(daysLeft * SECONDS_PER_DAY));
        return new BatteryForecast.Expected(daysLeft, expectedAt, fittedNow, line.slope(), n);
    }

    private static double daysBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0 / SECONDS_PER_DAY;
    }
}
