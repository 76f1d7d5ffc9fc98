package dev.frostline.telemetry.rest;

import dev.frostline.support.security.CurrentCaller;
import dev.frostline.telemetry.service.ForecastingBattery;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/telemetry/sensors/{sensorId}/battery-forecast")
@Authenticated
public class BatteryForecastResource {

    private final ForecastingBattery forecasting;

    @Inject
    CurrentCaller caller;

    public BatteryForecastResource(ForecastingBattery forecasting) {
        this.forecasting = forecasting;
    }

    @GET
    @Operation(summary = "Days until a sensor's battery reaches the low threshold (viewer)",
            description = "A least-squares line through the sensor's own battery_pct readings over the last"
                    + " 30 days (FROSTLINE_TELEMETRY_BATTERY_LOOKBACK). status is expected, with daysUntilThreshold and"
                    + " expectedAt, or unknown, with a reason: fewer than 5 readings, less than 1 day of them, a level"
                    + " that is not falling, or a sensor on no unit. Another org's sensor: 404.")
    public Uni<BatteryForecastResponse> forecast(@PathParam("sensorId") UUID sensorId) {
        return forecasting.ofSensor(caller.get(), sensorId).map(BatteryForecastResponse::of);
    }
}
