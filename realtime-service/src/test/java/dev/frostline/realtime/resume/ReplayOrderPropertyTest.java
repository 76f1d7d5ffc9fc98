package dev.frostline.realtime.resume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.realtime.stream.EventId;
import dev.frostline.realtime.stream.SourcePartition;
import dev.frostline.realtime.stream.SourceTopic;
import dev.frostline.realtime.stream.StreamEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReplayOrderPropertyTest {

    private static final ReadingRecorded EVENT = new ReadingRecorded(UUID.randomUUID(), UUID.randomUUID(), null,
            UUID.randomUUID(), "temperature_c", 4.0, Instant.EPOCH, Instant.EPOCH);

    @Property
    void theMergeKeepsEveryEventAndEachPartitionsOwnOrder(@ForAll("logs") List<List<StreamEvent>> byPartition) {
        List<StreamEvent> merged = ReplayOrder.merge(byPartition);

        assertThat(merged).hasSize(byPartition.stream().mapToInt(List::size).sum());
        Map<SourcePartition, List<StreamEvent>> regrouped = merged.stream()
                .collect(Collectors.groupingBy(e -> e.id().partition(), Collectors.toList()));
        for (List<StreamEvent> partition : byPartition) {
            if (!partition.isEmpty()) {
                assertThat(regrouped.get(partition.get(0).id().partition())).containsExactlyElementsOf(partition);
            }
        }
    }

    @Property
    void withOrderedClocksTheMergeIsTheReplayOrder(@ForAll("orderedLogs") List<List<StreamEvent>> byPartition) {
        List<StreamEvent> merged = ReplayOrder.merge(byPartition);

        assertThat(merged).isSortedAccordingTo(ResumePoint.ORDER);
    }

    /**
     * Resuming at any event and replaying what follows it yields exactly the rest of the replay order:
     * nothing at the boundary is lost or repeated, however many events share its timestamp.
     */
    @Property
    void resumingAtAnyEventReplaysExactlyTheEventsAfterItInTheReplayOrder(
            @ForAll("orderedLogs") List<List<StreamEvent>> byPartition, @ForAll int pick) {
        List<StreamEvent> all = ReplayOrder.merge(byPartition);
        if (all.isEmpty()) {
            return;
        }
        int lastSeen = Math.floorMod(pick, all.size());
        StreamEvent last = all.get(lastSeen);
        ResumePoint point = new ResumePoint(last.id(), last.timestamp());

        List<StreamEvent> replayed = all.stream().filter(e -> point.isFollowedBy(e.id(), e.timestamp())).toList();

        assertThat(replayed).containsExactlyElementsOf(all.subList(lastSeen + 1, all.size()));
    }

    @Provide
    Arbitrary<List<List<StreamEvent>>> logs() {
        return partitionLogs(false);
    }

    /** Timestamps never go backwards within a partition (Kafka's LogAppendTime, or honest producer clocks). */
    @Provide
    Arbitrary<List<List<StreamEvent>>> orderedLogs() {
        return partitionLogs(true);
    }

    private static Arbitrary<List<List<StreamEvent>>> partitionLogs(boolean ordered) {
        // Few distinct timestamps, so that ties across partitions are common.
        Arbitrary<List<Long>> timestamps = Arbitraries.longs().between(0, 5).list().ofMaxSize(12);
        return timestamps.list().ofMinSize(1).ofMaxSize(5).map(lists -> {
            List<List<StreamEvent>> logs = new ArrayList<>();
            for (int p = 0; p < lists.size(); p++) {
                SourceTopic topic = SourceTopic.values()[p % SourceTopic.values().length];
                List<Long> stamps = new ArrayList<>(lists.get(p));
                if (ordered) {
                    stamps.sort(Comparator.naturalOrder());
                }
                List<StreamEvent> log = new ArrayList<>();
                for (int offset = 0; offset < stamps.size(); offset++) {
                    log.add(new StreamEvent(new EventId(topic, p, 10 + offset), stamps.get(offset), EVENT));
                }
                logs.add(log);
            }
            return logs;
        });
    }
}
