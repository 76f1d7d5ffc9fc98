package dev.frostline.telemetry.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingPartitionsTest {

    private final ReadingPartitions partitions = new ReadingPartitions(Duration.ofDays(400), 2);

    @Test
    void everyMonthFromTheOldestRetainedToTwoAheadIsWanted() {
        List<ReadingPartitions.Partition> wanted = partitions.wanted(Instant.parse("2026-12-02T04:00:00Z"));

        // 400 days before 2026-12-02 is 2025-10-28: October 2025 still holds retained readings.
        assertThat(wanted.get(0)).isEqualTo(new ReadingPartitions.Partition("readings_y2025m10",
                Instant.parse("2025-10-01T00:00:00Z"), Instant.parse("2025-11-01T00:00:00Z")));
        assertThat(wanted.get(wanted.size() - 1)).isEqualTo(new ReadingPartitions.Partition("readings_y2027m02",
                Instant.parse("2027-02-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z")));
        assertThat(wanted).hasSize(17);
    }

    @Test
    void aPartitionExpiresOnceItsLastInstantIsPastTheRetention() {
        List<String> existing = List.of("readings_y2025m09", "readings_y2025m10", "readings_y2026m12", "readings_default",
                "readings_unpartitioned");

        assertThat(partitions.expired(existing, Instant.parse("2026-12-02T04:00:00Z"))).containsExactly("readings_y2025m09");
        // 400 days after 2025-11-01 is 2026-12-06: from then, October 2025 is entirely past the retention.
        assertThat(partitions.expired(existing, Instant.parse("2026-12-06T00:00:00Z")))
                .containsExactly("readings_y2025m09", "readings_y2025m10");
    }

    @Test
    void wantedPartitionsAreNeverExpired() {
        Instant now = Instant.parse("2026-03-31T23:59:59Z");
        List<String> wanted = partitions.wanted(now).stream().map(ReadingPartitions.Partition::name).toList();

        assertThat(partitions.expired(wanted, now)).isEmpty();
    }

    @Test
    void aMonthsRollupsPartitionExpiresWithItsReadings() {
        ReadingPartitions.Partition october = partitions.wanted(Instant.parse("2026-12-02T04:00:00Z")).get(0);
        List<String> existing = List.of("reading_rollups_15m_y2025m09", october.in("reading_rollups_15m"),
                "reading_rollups_15m_default");

        assertThat(october.in("reading_rollups_15m")).isEqualTo("reading_rollups_15m_y2025m10");
        assertThat(partitions.expired(existing, Instant.parse("2026-12-06T00:00:00Z")))
                .containsExactly("reading_rollups_15m_y2025m09", "reading_rollups_15m_y2025m10");
    }
}
