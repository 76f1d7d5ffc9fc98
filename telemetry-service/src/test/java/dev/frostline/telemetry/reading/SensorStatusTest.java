package dev.frostline.telemetry.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SensorStatusTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID SENSOR = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private static Reading reading(UUID sensorId, String metric, double value, int recordedSecond, int receivedSecond) {
        Reading reading = new Reading();
        reading.id = UUID.randomUUID();
        reading.orgId = ORG;
        reading.unitId = UUID.randomUUID();
        reading.sensorId = sensorId;
        reading.metric = metric;
        reading.value = value;
        reading.recordedAt = T0.plusSeconds(recordedSecond);
        reading.receivedAt = T0.plusSeconds(receivedSecond);
        return reading;
    }

    @Test
    void aSensorIsLastSeenAtItsLatestReceptionWithItsLatestMeasuredBattery() {
        List<SensorStatus> statuses = SensorStatus.of(List.of(
                reading(SENSOR, "battery_pct", 80, 20, 30),
                reading(SENSOR, "temperature_c", -18, 25, 40),
                // Measured earlier, received later (a backlog): not the current battery level.
                reading(SENSOR, "battery_pct", 90, 10, 50)));

        assertThat(statuses).containsExactly(new SensorStatus(SENSOR, ORG, T0.plusSeconds(50), 80.0, T0.plusSeconds(20)));
    }

    @Test
    void aSensorWithoutBatteryReadingsHasNoBatteryAndReadingsWithoutSensorSayNothing() {
        List<SensorStatus> statuses = SensorStatus.of(List.of(reading(SENSOR, "humidity_pct", 50, 1, 2),
                reading(null, "battery_pct", 10, 1, 2)));

        assertThat(statuses).containsExactly(new SensorStatus(SENSOR, ORG, T0.plusSeconds(2), null, null));
    }
}
