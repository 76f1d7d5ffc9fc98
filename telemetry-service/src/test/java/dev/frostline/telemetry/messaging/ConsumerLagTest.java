package dev.frostline.telemetry.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    @Test
    void lagIsTheEndLessTheCommittedOffsetSummedOverPartitions() {
        assertThat(ConsumerLag.of(Map.of(0, 100L, 1, 40L), Map.of(0, 90L, 1, 40L), Map.of(0, 0L, 1, 0L)))
                .isEqualTo(10);
    }

    @Test
    void aPartitionNeverCommittedLagsFromTheEarliestOffsetStillInTheLog() {
        assertThat(ConsumerLag.of(Map.of(0, 100L, 1, 50L), Map.of(0, 100L), Map.of(0, 0L, 1, 20L))).isEqualTo(30);
    }

    @Test
    void aCommittedOffsetPastTheEndIsNoLag() {
        assertThat(ConsumerLag.of(Map.of(0, 10L), Map.of(0, 12L), Map.of(0, 0L))).isZero();
    }
}
