package dev.frostline.telemetry.battery;

import java.time.Instant;

/** One battery_pct reading. */
public record BatteryPoint(Instant recordedAt, double pct) {
}
