package dev.frostline.telemetry.rest;

import dev.frostline.telemetry.battery.BatteryForecast;
import dev.frostline.telemetry.service.ForecastingBattery.Forecast;
import java.time.Instant;
import java.util.UUID;

/**
 * @param status {@code expected} with a date, or {@code unknown} with a reason
 * @param daysUntilThreshold days from now until the fitted level reaches thresholdPct (0 if it has); null if unknown
 * @param fittedPctNow the fitted line's level now; null if unknown
 * @param slopePctPerDay the fitted drain, negative; null if unknown
 * @param points battery readings the fit read
 */
public record BatteryForecastResponse(UUID sensorId, UUID unitId, String status, double thresholdPct,
        Double daysUntilThreshold, Instant expectedAt, Double fittedPctNow, Double slopePctPerDay, int points,
        String reason) {

    public static BatteryForecastResponse of(Forecast forecast) {
        if (forecast.forecast() instanceof BatteryForecast.Expected expected) {
            return new BatteryForecastResponse(forecast.sensorId(), forecast.unitId(), "expected",
                    forecast.thresholdPct(), expected.days(), expected.expectedAt(), expected.fittedPctNow(),
                    expected.slopePctPerDay(), expected.points(), null);
        }
        BatteryForecast.Unknown unknown = (BatteryForecast.Unknown) forecast.forecast();
        return new BatteryForecastResponse(forecast.sensorId(), forecast.unitId(), "unknown", forecast.thresholdPct(),
                null, null, null, null, unknown.points(), unknown.reason());
    }
}
