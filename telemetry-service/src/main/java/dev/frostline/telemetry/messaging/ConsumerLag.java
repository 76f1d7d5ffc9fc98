package dev.frostline.telemetry.messaging;

import java.util.Map;

/**
 * How many records of a topic a consumer group has not yet committed: per partition, the end
 * offset less the committed one (or less the earliest offset still in the log, for a partition the
 * group has never committed), summed over the partitions. Pure arithmetic, so that the meter that
 * asks Kafka for the offsets stays a thin shell.
 *
 * <p>On a transactional topic read with read_committed, the end offset is the last stable offset
 * and the commit marker after a group's last record counts as one record the group never commits;
 * so an idle group shows at most one per partition, never more.
 */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    /**
     * @param endOffsets the end offset of every partition of the topic
     * @param committed the group's committed offset of the partitions it has committed
     * @param earliest the earliest offset in the log of every partition
     */
    public static <P> long of(Map<P, Long> endOffsets, Map<P, Long> committed, Map<P, Long> earliest) {
        long lag = 0;
        for (Map.Entry<P, Long> end : endOffsets.entrySet()) {
            Long from = committed.get(end.getKey());
            if (from == null) {
                from = earliest.getOrDefault(end.getKey(), 0L);
            }
            // A committed offset past the end (a log truncated under the group) is no lag.
            lag += Math.max(0, end.getValue() - from);
        }
        return lag;
    }
}
