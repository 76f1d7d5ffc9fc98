package dev.frostline.telemetry.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.Metric;
import dev.frostline.telemetry.aggregate.AggregateWindow;
import dev.frostline.telemetry.aggregate.Bucket;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When the 15-minute rollups may serve an aggregate: only if every bucket boundary is a UTC quarter hour. */
class ReadingAggregateRepositoryTest {

    private static AggregateWindow window(Bucket bucket, String from, String to, String zone) {
        return new AggregateWindow(Metric.TEMPERATURE_C, bucket, Instant.parse(from), Instant.parse(to), ZoneId.of(zone));
    }

    @Test
    void quarterHourZonesAreServedByTheRollupsFromFifteenMinutesUp() {
        assertThat(ReadingAggregateRepository.servedByRollups(
                window(Bucket.ONE_HOUR, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", "Asia/Kathmandu"))).isTrue();
        assertThat(ReadingAggregateRepository.servedByRollups(
                window(Bucket.ONE_DAY, "2026-03-01T00:00:00Z", "2026-11-01T00:00:00Z", "Europe/Berlin"))).isTrue();
        assertThat(ReadingAggregateRepository.servedByRollups(
                window(Bucket.FIFTEEN_MINUTES, "2026-03-01T00:07:00Z", "2026-03-02T00:00:00Z", "Asia/Kolkata"))).isTrue();
        assertThat(ReadingAggregateRepository.servedByRollups(
                window(Bucket.FIVE_MINUTES, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", "UTC"))).isFalse();
    }

    @Test
    void aZoneOffsetOffTheQuarterHoursReadsTheRawReadings() {
        // Liberia kept -0:44:30 until 1972: its local midnights and hours are not UTC quarter hours.
        assertThat(ReadingAggregateRepository.servedByRollups(
                window(Bucket.ONE_HOUR, "1971-03-01T00:00:00Z", "1971-03-02T00:00:00Z", "Africa/Monrovia"))).isFalse();
        assertThat(ReadingAggregateRepository.servedByRollups(
                window(Bucket.ONE_DAY, "1971-03-01T00:00:00Z", "1972-06-01T00:00:00Z", "Africa/Monrovia"))).isFalse();
        assertThat(ReadingAggregateRepository.servedByRollups(
                window(Bucket.ONE_DAY, "1972-06-01T00:00:00Z", "1972-07-01T00:00:00Z", "Africa/Monrovia"))).isTrue();
    }
}
