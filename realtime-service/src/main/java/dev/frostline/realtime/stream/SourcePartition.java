package dev.frostline.realtime.stream;

import java.util.Comparator;
import java.util.Objects;

/** One partition of a source topic: the unit in which Kafka, and so every event ID, is ordered. */
public record SourcePartition(SourceTopic source, int partition) implements Comparable<SourcePartition> {

    private static final Comparator<SourcePartition> ORDER = Comparator
            .comparing(SourcePartition::source).thenComparingInt(SourcePartition::partition);

    public SourcePartition {
        Objects.requireNonNull(source, "source");
        if (partition < 0) {
            throw new IllegalArgumentException("partition " + partition);
        }
    }

    @Override
    public int compareTo(SourcePartition other) {
        return ORDER.compare(this, other);
    }
}
