package dev.frostline.catalog.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceIdentityTest {

    @Test
    void euisAreNormalizedToSixteenUpperCaseHexDigits() {
        assertThat(Eui64.normalize("70-b3-d5-7e-d0-00-00-01")).contains("70B3D57ED0000001");
        assertThat(Eui64.normalize(" 70:B3:D5:7E:D0:00:00:01 ")).contains("70B3D57ED0000001");
        assertThat(Eui64.normalize("70B3D57ED000000")).isEmpty();
        assertThat(Eui64.normalize("70B3D57ED00000001")).isEmpty();
        assertThat(Eui64.normalize("70B3D57ED000000G")).isEmpty();
        assertThat(Eui64.normalize(null)).isEmpty();
    }

    @Test
    void aSensorIsKnownByExactlyOneOfDevEuiOrSerial() {
        assertThat(new SensorIdentity("70b3d57ed0000001", null).devEui()).isEqualTo("70B3D57ED0000001");
        assertThat(new SensorIdentity("  ", " SN-1 ").serial()).isEqualTo("SN-1");
        assertThatThrownBy(() -> new SensorIdentity(null, null)).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new SensorIdentity("70B3D57ED0000001", "SN-1")).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new SensorIdentity(null, "has space")).hasMessageContaining("serial");
        assertThatThrownBy(() -> new SensorIdentity(null, "s".repeat(65))).hasMessageContaining("serial");
    }

    @Test
    void metricsAreANonEmptySubsetOfTheSharedMetricsInTheirOrder() {
        assertThat(new SensorDescription(" LHT65 ", List.of("battery_pct", "temperature_c", "battery_pct")).metrics())
                .containsExactly("temperature_c", "battery_pct");
        assertThatThrownBy(() -> new SensorDescription("M", List.of())).hasMessageContaining("metrics");
        assertThatThrownBy(() -> new SensorDescription("M", List.of("temperature"))).hasMessageContaining("metrics");
        assertThatThrownBy(() -> new SensorDescription(" ", List.of("door_open"))).hasMessageContaining("model");
    }

    @Test
    void assignmentStateChangesBumpTheVersionAndAreGuarded() {
        Sensor sensor = Sensor.register(java.util.UUID.randomUUID(), "Probe", new SensorIdentity(null, "SN-1"),
                new SensorDescription("M", List.of("door_open")), java.time.Instant.EPOCH);
        java.util.UUID unit = java.util.UUID.randomUUID();
        sensor.assignTo(unit, true, java.time.Instant.EPOCH);
        assertThat(sensor.version).isEqualTo(2);
        assertThatThrownBy(() -> sensor.assignTo(unit, false, java.time.Instant.EPOCH))
                .isInstanceOf(IllegalStateException.class);
        SensorAssignment open = SensorAssignment.openFor(sensor, java.time.Instant.EPOCH);
        assertThat(open.primary).isTrue();
        assertThat(open.assignedTo).isNull();
        sensor.unassign(java.time.Instant.EPOCH);
        assertThat(sensor.primary).isFalse();
        assertThatThrownBy(() -> sensor.setPrimary(true, java.time.Instant.EPOCH)).isInstanceOf(IllegalStateException.class);
        assertThat(sensor.version).isEqualTo(3);
    }
}
