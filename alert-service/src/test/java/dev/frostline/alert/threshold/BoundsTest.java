package dev.frostline.alert.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.contracts.Metric;
import org.junit.jupiter.api.Test;

class BoundsTest {

    @Test
    void atLeastOneBoundIsRequired() {
        assertThatThrownBy(() -> new Bounds(null, null)).isInstanceOf(InvalidThreshold.class)
                .hasMessageContaining("at least one");
    }

    @Test
    void minMustBeBelowMax() {
        assertThatThrownBy(() -> new Bounds(8.0, 2.0)).isInstanceOf(InvalidThreshold.class);
        assertThatThrownBy(() -> new Bounds(5.0, 5.0)).isInstanceOf(InvalidThreshold.class)
                .hasMessageContaining("less than");
    }

    @Test
    void boundsMustBeFinite() {
        assertThatThrownBy(() -> new Bounds(Double.NaN, null)).isInstanceOf(InvalidThreshold.class);
        assertThatThrownBy(() -> new Bounds(null, Double.POSITIVE_INFINITY)).isInstanceOf(InvalidThreshold.class);
    }

    @Test
    void distanceOutsideIsZeroInsideAndGrowsOutside() {
        Bounds bounds = new Bounds(2.0, 8.0);
        assertThat(bounds.distanceOutside(5.0)).isZero();
        assertThat(bounds.distanceOutside(8.0)).isZero();
        assertThat(bounds.distanceOutside(9.5)).isEqualTo(1.5);
        assertThat(bounds.distanceOutside(-1.0)).isEqualTo(3.0);
    }

    @Test
    void metricsAreKnownByTheirWireName() {
        assertThat(MetricNames.parse("temperature_c")).isEqualTo(Metric.TEMPERATURE_C);
        assertThat(Metric.fromWireName("door_open")).contains(Metric.DOOR_OPEN);
        assertThat(Metric.fromWireName("TEMPERATURE_C")).isEmpty();
        assertThatThrownBy(() -> MetricNames.parse("pressure_hpa")).isInstanceOf(InvalidThreshold.class)
                .hasMessageContaining("temperature_c, humidity_pct, door_open, battery_pct");
    }
}
