package dev.frostline.realtime.resume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.realtime.stream.EventId;
import dev.frostline.realtime.stream.SourcePartition;
import dev.frostline.realtime.stream.SourceTopic;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    private final SourcePartition readings3 = new SourcePartition(SourceTopic.READINGS, 3);
    private final SourcePartition alerts3 = new SourcePartition(SourceTopic.ALERTS, 3);
    private final Set<SourcePartition> sources = Set.of(readings3, alerts3);
    private final Map<SourcePartition, Long> beginnings = Map.of(readings3, 100L, alerts3, 0L);
    private final Map<SourcePartition, Long> ends = Map.of(readings3, 500L, alerts3, 40L);

    @Test
    void anEventStillInTheLogCanBeResumedFrom() {
        assertThat(ReplayWindow.check(new EventId(SourceTopic.READINGS, 3, 100), sources, beginnings, ends)).isNull();
        assertThat(ReplayWindow.check(new EventId(SourceTopic.READINGS, 3, 499), sources, beginnings, ends)).isNull();
    }

    @Test
    void anEventDeletedByRetentionIsTooOld() {
        assertThat(ReplayWindow.check(new EventId(SourceTopic.READINGS, 3, 99), sources, beginnings, ends))
                .isEqualTo(ReplayWindow.Refusal.TOO_OLD);
    }

    @Test
    void anEventOfAnotherPartitionOrBeyondTheEndIsNotOfThisChannel() {
        assertThat(ReplayWindow.check(new EventId(SourceTopic.READINGS, 2, 200), sources, beginnings, ends))
                .isEqualTo(ReplayWindow.Refusal.NOT_OF_THIS_CHANNEL);
        assertThat(ReplayWindow.check(new EventId(SourceTopic.READINGS, 3, 500), sources, beginnings, ends))
                .isEqualTo(ReplayWindow.Refusal.NOT_OF_THIS_CHANNEL);
        assertThat(ReplayWindow.check(new EventId(SourceTopic.CATALOG_CHANGES, 3, 1), sources, beginnings, ends))
                .isEqualTo(ReplayWindow.Refusal.NOT_OF_THIS_CHANNEL);
    }

    @Test
    void theOwnPartitionStartsAfterTheLastEventAndTheOthersAtItsTimestampOrTheirEnd() {
        ResumePoint point = new ResumePoint(new EventId(SourceTopic.READINGS, 3, 200), 1_000);

        Map<SourcePartition, Long> starts = ReplayWindow.starts(point, sources, Map.of(alerts3, 17L), beginnings, ends);
        Map<SourcePartition, Long> nothingRecent = ReplayWindow.starts(point, sources, Map.of(), beginnings, ends);

        assertThat(starts).containsExactlyInAnyOrderEntriesOf(Map.of(readings3, 201L, alerts3, 17L));
        assertThat(nothingRecent).containsEntry(alerts3, 40L);
        assertThat(ReplayWindow.size(starts, ends)).isEqualTo(299 + 23);
    }
}
