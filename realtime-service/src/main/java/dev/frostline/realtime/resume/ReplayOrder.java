package dev.frostline.realtime.resume;

import dev.frostline.realtime.stream.StreamEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Merges the replayed events of several partitions into one stream. Each partition's own order (its
 * offsets) is kept as it is, even where producer clocks made timestamps go backwards; between partitions
 * the head with the smallest {@link ResumePoint#ORDER} goes first.
 */
public final class ReplayOrder {

    private ReplayOrder() {
    }

    /** @param byPartition each list in offset order */
    public static List<StreamEvent> merge(Collection<List<StreamEvent>> byPartition) {
        List<List<StreamEvent>> lists = new ArrayList<>(byPartition);
        int[] heads = new int[lists.size()];
        int total = lists.stream().mapToInt(List::size).sum();
        List<StreamEvent> merged = new ArrayList<>(total);
        while (merged.size() < total) {
            int best = -1;
            for (int i = 0; i < lists.size(); i++) {
                if (heads[i] < lists.get(i).size() && (best < 0
                        || ResumePoint.ORDER.compare(lists.get(i).get(heads[i]), lists.get(best).get(heads[best])) < 0)) {
                    best = i;
                }
            }
            merged.add(lists.get(best).get(heads[best]++));
        }
        return merged;
    }
}
