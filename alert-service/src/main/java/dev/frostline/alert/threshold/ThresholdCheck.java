package dev.frostline.alert.threshold;

import java.util.OptionalDouble;

/**
 * Decides what one reading does to the alert of its unit and metric. Pure: the caller loads the
 * bounds and the open alert (if any) and applies the outcome. There is at most one open alert per
 * unit and metric, so the only way to open one is from "none open".
 */
public final class ThresholdCheck {

    public enum Outcome {
        /** Out of range and nothing open: open an alert triggered by this reading. */
        OPEN_ALERT,
        /** Out of range, an alert is open, and this reading is further out than its peak. */
        RAISE_PEAK,
        /** Back in range with an alert open: resolve it. */
        RESOLVE_ALERT,
        NO_CHANGE
    }

    private ThresholdCheck() {
    }

    /**
     * @param openAlertPeak the peak value of the open alert, or empty when none is open
     */
    public static Outcome evaluate(Bounds bounds, double value, OptionalDouble openAlertPeak) {
        // NaN and infinities are not measurements; they must neither open nor resolve anything.
        if (!Double.isFinite(value)) {
            return Outcome.NO_CHANGE;
        }
        boolean inside = bounds.contains(value);
        if (openAlertPeak.isEmpty()) {
            return inside ? Outcome.NO_CHANGE : Outcome.OPEN_ALERT;
        }
        if (inside) {
            return Outcome.RESOLVE_ALERT;
        }
        return bounds.distanceOutside(value) > bounds.distanceOutside(openAlertPeak.getAsDouble())
                ? Outcome.RAISE_PEAK
                : Outcome.NO_CHANGE;
    }
}
