package dev.frostline.telemetry.service;

import dev.frostline.contracts.Role;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.projection.SensorDirectory;
import dev.frostline.support.security.Caller;
import dev.frostline.telemetry.battery.BatteryForecast;
import dev.frostline.telemetry.battery.BatteryForecaster;
import dev.frostline.telemetry.config.QueryConfig;
import dev.frostline.telemetry.repository.BatteryHistoryRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** When a sensor's battery reaches the low threshold, for a user of the sensor's org. */
@ApplicationScoped
public class ForecastingBattery {

    /** @param unitId the unit the sensor is on; null for a sensor on no unit */
    public record Forecast(UUID sensorId, UUID unitId, double thresholdPct, BatteryForecast forecast) {
    }

    private final SensorDirectory sensors;
    private final BatteryHistoryRepository history;
    private final BatteryForecaster forecaster;
    private final QueryConfig config;

    public ForecastingBattery(SensorDirectory sensors, BatteryHistoryRepository history, QueryConfig config) {
        this.sensors = sensors;
        this.history = history;
        this.config = config;
        QueryConfig.Battery battery = config.battery();
        this.forecaster = new BatteryForecaster(battery.lowThresholdPct(), battery.minPoints(), battery.minSpan());
    }

    /** 404 unless the sensor is live in the caller's org. */
    public Uni<Forecast> ofSensor(Caller caller, UUID sensorId) {
        caller.require(Role.VIEWER);
        Instant now = Instant.now();
        return Panache.withSession(() -> sensors.findLiveInOrg(sensorId, caller.orgId())).chain(sensor -> {
            if (sensor == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Sensor", sensorId));
            }
            if (sensor.unitId == null) {
                return Uni.createFrom().item(new Forecast(sensorId, null, forecaster.thresholdPct(),
                        new BatteryForecast.Unknown("the sensor is not on a unit, so it has no readings", 0)));
            }
            return history.batteryOfSensor(caller.orgId(), sensorId, now.minus(config.battery().lookback()))
                    .map(points -> new Forecast(sensorId, sensor.unitId, forecaster.thresholdPct(),
                            forecaster.forecast(points, now)));
        });
    }
}
