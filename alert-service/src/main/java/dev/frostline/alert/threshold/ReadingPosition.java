package dev.frostline.alert.threshold;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a reading stands in the history of one unit's metric: by when it was measured, ties
 * broken by reading ID so the order is total. Evaluation only moves forward along it, which makes
 * a redelivered reading (same position) and a late one (earlier position) no-ops.
 */
public record ReadingPosition(Instant recordedAt, UUID readingId) implements Comparable<ReadingPosition> {

    private static final Comparator<ReadingPosition> ORDER = Comparator.comparing(ReadingPosition::recordedAt)
            .thenComparing(ReadingPosition::readingId);

    public ReadingPosition {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(readingId, "readingId");
        // Compared at the precision it is stored with, or a stored position would never equal its reading's.
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** True if this reading comes after {@code last}, or nothing was evaluated yet ({@code last} null). */
    public boolean isAfter(ReadingPosition last) {
        return last == null || compareTo(last) > 0;
    }

    @Override
    public int compareTo(ReadingPosition other) {
        return ORDER.compare(this, other);
    }
}
