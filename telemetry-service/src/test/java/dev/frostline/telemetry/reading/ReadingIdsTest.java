package dev.frostline.telemetry.reading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.Metric;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadingIdsTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID UNIT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00.123456Z");

    @Test
    void aRetriedReadingGetsTheSameId() {
        assertThat(ReadingIds.of(ORG, UNIT, Metric.TEMPERATURE_C, AT, "m-1"))
                .isEqualTo(ReadingIds.of(ORG, UNIT, Metric.TEMPERATURE_C, Instant.parse("2026-03-01T12:00:00.123456000Z"), "m-1"));
        assertThat(ReadingIds.of(ORG, UNIT, Metric.TEMPERATURE_C, AT, null))
                .isEqualTo(ReadingIds.of(ORG, UNIT, Metric.TEMPERATURE_C, AT, null));
    }

    @Test
    void aRetriedMessageWhoseTimeWasDefaultedToNowGetsTheSameId() {
        assertThat(ReadingIds.of(ORG, UNIT, Metric.TEMPERATURE_C, AT.plusSeconds(3), "m-1"))
                .isEqualTo(ReadingIds.of(ORG, UNIT, Metric.TEMPERATURE_C, AT, "m-1"));
    }

    @Test
    void readingsThatDifferInAnyIdentifyingFieldGetDifferentIds() {
        UUID base = ReadingIds.of(ORG, UNIT, Metric.TEMPERATURE_C, AT, "m-1");

        assertThat(ReadingIds.of(UUID.randomUUID(), UNIT, Metric.TEMPERATURE_C, AT, "m-1")).isNotEqualTo(base);
        assertThat(ReadingIds.of(ORG, UUID.randomUUID(), Metric.TEMPERATURE_C, AT, "m-1")).isNotEqualTo(base);
        assertThat(ReadingIds.of(ORG, UNIT, Metric.HUMIDITY_PCT, AT, "m-1")).isNotEqualTo(base);
        assertThat(ReadingIds.of(ORG, UNIT, Metric.TEMPERATURE_C, AT, "m-2")).isNotEqualTo(base);
        assertThat(ReadingIds.of(ORG, UNIT, Metric.TEMPERATURE_C, AT, null)).isNotEqualTo(base);
        assertThat(ReadingIds.of(ORG, UNIT, Metric.TEMPERATURE_C, AT.plusNanos(1000), null))
                .isNotEqualTo(ReadingIds.of(ORG, UNIT, Metric.TEMPERATURE_C, AT, null));
    }

    @Test
    void aMessageIdThatLooksLikeATimeCannotCollideWithATimedReading() {
        assertThat(ReadingIds.of(ORG, UNIT, Metric.TEMPERATURE_C, AT, AT.toString()))
                .isNotEqualTo(ReadingIds.of(ORG, UNIT, Metric.TEMPERATURE_C, AT, null));
    }
}
