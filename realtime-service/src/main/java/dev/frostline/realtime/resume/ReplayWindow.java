package dev.frostline.realtime.resume;

import dev.frostline.realtime.stream.EventId;
import dev.frostline.realtime.stream.SourcePartition;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The offsets a resume reads: on each source partition, from its start to the end offset seen once the
 * subscription was already buffering live events. Everything from the end on reaches the subscription
 * live, so replay and live delivery overlap rather than leave a gap; {@link ReplayedUpTo} drops the overlap.
 */
public final class ReplayWindow {

    /** Why a resume cannot be served; each is a documented error code. */
    public enum Refusal {
        /** The last event is not in this channel's partitions, or beyond their end: not an ID of this channel. */
        NOT_OF_THIS_CHANNEL,
        /** The last event was deleted by retention, or more would have to be read than the server allows. */
        TOO_OLD
    }

    private ReplayWindow() {
    }

    /** Null if the last event can be resumed from; otherwise why not. */
    public static Refusal check(EventId last, Set<SourcePartition> sources, Map<SourcePartition, Long> beginnings,
            Map<SourcePartition, Long> ends) {
        SourcePartition partition = last.partition();
        if (!sources.contains(partition) || !ends.containsKey(partition) || last.offset() >= ends.get(partition)) {
            return Refusal.NOT_OF_THIS_CHANNEL;
        }
        return last.offset() < beginnings.getOrDefault(partition, 0L) ? Refusal.TOO_OLD : null;
    }

    /**
     * Where to start reading each partition: after the last event on its own partition; elsewhere at the
     * first offset logged at or after its timestamp (Kafka's offsetsForTimes), or at the end if none is.
     *
     * @param byTimestamp offsetsForTimes' answer for the other partitions, absent where no record is that recent
     */
    public static Map<SourcePartition, Long> starts(ResumePoint point, Set<SourcePartition> sources,
            Map<SourcePartition, Long> byTimestamp, Map<SourcePartition, Long> beginnings,
            Map<SourcePartition, Long> ends) {
        Map<SourcePartition, Long> starts = new HashMap<>();
        for (SourcePartition partition : sources) {
            long start = partition.equals(point.partition()) ? point.last().offset() + 1
                    : byTimestamp.getOrDefault(partition, ends.get(partition));
            starts.put(partition, Math.max(start, beginnings.getOrDefault(partition, 0L)));
        }
        return starts;
    }

    /** How many records a replay reads, across all its partitions. */
    public static long size(Map<SourcePartition, Long> starts, Map<SourcePartition, Long> ends) {
        long size = 0;
        for (Map.Entry<SourcePartition, Long> start : starts.entrySet()) {
            size += Math.max(0, ends.get(start.getKey()) - start.getValue());
        }
        return size;
    }
}
