package dev.frostline.telemetry.battery;

import java.time.Instant;

/** What the battery history says about when a sensor's battery reaches the low threshold. */
public sealed interface BatteryForecast {

    /** How many readings the forecast was fitted from (or found too few). */
    int points();

    /**
     * The fitted line reaches the threshold at {@code expectedAt}, {@code days} from now (0 when the
     * fitted level is already at or below it).
     */
    record Expected(double days, Instant expectedAt, double fittedPctNow, double slopePctPerDay, int points)
            implements BatteryForecast {
    }

    /** Too little data, or a level that is not falling: no date can be given. */
    record Unknown(String reason, int points) implements BatteryForecast {
    }
}
