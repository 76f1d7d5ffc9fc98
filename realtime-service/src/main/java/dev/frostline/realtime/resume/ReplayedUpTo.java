package dev.frostline.realtime.resume;

import dev.frostline.realtime.stream.EventId;
import dev.frostline.realtime.stream.SourcePartition;
import java.util.Map;

/**
 * The end offsets a replay read up to (exclusive), per partition. A live event buffered while the replay
 * ran is a duplicate exactly when it lies below the end of its partition: the replay already considered it.
 */
public record ReplayedUpTo(Map<SourcePartition, Long> ends) {

    public static final ReplayedUpTo NOTHING = new ReplayedUpTo(Map.of());

    public ReplayedUpTo {
        ends = Map.copyOf(ends);
    }

    public boolean covers(EventId id) {
        Long end = ends.get(id.partition());
        return end != null && id.offset() < end;
    }
}
