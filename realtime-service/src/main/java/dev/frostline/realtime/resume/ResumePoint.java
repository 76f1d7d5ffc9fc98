package dev.frostline.realtime.resume;

import dev.frostline.realtime.stream.EventId;
import dev.frostline.realtime.stream.SourcePartition;
import dev.frostline.realtime.stream.StreamEvent;
import java.util.Comparator;

/**
 * Where a resumed subscription starts: just after the client's last event. On that event's own partition
 * that is exact: every later offset. A channel spanning several partitions has no order across them, so
 * there the rule is the replay order, {@link #ORDER}: (Kafka timestamp, source topic, partition, offset),
 * and a record of another partition is replayed when it comes after the last event in that order. Records
 * with the last event's very timestamp are split by (topic, partition), so the boundary never replays or
 * skips one twice over.
 */
public record ResumePoint(EventId last, long timestamp) {

    /** The order of replayed events, and the rule of which ones follow a resume point. */
    public static final Comparator<StreamEvent> ORDER = Comparator.comparingLong(StreamEvent::timestamp)
            .thenComparing(event -> event.id().partition())
            .thenComparingLong(event -> event.id().offset());

    /** Whether a record at {@code id}, logged at {@code recordTimestamp}, is one the client has not seen. */
    public boolean isFollowedBy(EventId id, long recordTimestamp) {
        if (id.partition().equals(last.partition())) {
            return id.offset() > last.offset();
        }
        if (recordTimestamp != timestamp) {
            return recordTimestamp > timestamp;
        }
        return id.partition().compareTo(last.partition()) > 0;
    }

    public SourcePartition partition() {
        return last.partition();
    }
}
