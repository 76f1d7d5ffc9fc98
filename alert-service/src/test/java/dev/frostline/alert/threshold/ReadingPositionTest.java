package dev.frostline.alert.threshold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadingPositionTest {

    private static final Instant T = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void firstReadingIsAlwaysNew() {
        assertThat(new ReadingPosition(T, UUID.randomUUID()).isAfter(null)).isTrue();
    }

    @Test
    void redeliveredReadingIsNotNew() {
        UUID id = UUID.randomUUID();
        assertThat(new ReadingPosition(T, id).isAfter(new ReadingPosition(T, id))).isFalse();
    }

    @Test
    void laterReadingIsNewAndEarlierIsNot() {
        ReadingPosition last = new ReadingPosition(T, UUID.randomUUID());
        assertThat(new ReadingPosition(T.plusMillis(1), UUID.randomUUID()).isAfter(last)).isTrue();
        assertThat(new ReadingPosition(T.minusMillis(1), UUID.randomUUID()).isAfter(last)).isFalse();
    }

    @Test
    void sameInstantIsOrderedByReadingId() {
        ReadingPosition low = new ReadingPosition(T, new UUID(0, 1));
        ReadingPosition high = new ReadingPosition(T, new UUID(0, 2));
        assertThat(high.isAfter(low)).isTrue();
        assertThat(low.isAfter(high)).isFalse();
    }

    @Test
    void positionsAreComparedAtTheStoredMicrosecondPrecision() {
        UUID id = UUID.randomUUID();
        ReadingPosition received = new ReadingPosition(T.plusNanos(1_234_567), id);
        ReadingPosition stored = new ReadingPosition(T.plusNanos(1_234_000), id);
        assertThat(received.isAfter(stored)).isFalse();
        assertThat(received).isEqualTo(stored);
    }
}
