package dev.frostline.realtime.resume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.realtime.stream.EventId;
import dev.frostline.realtime.stream.SourceTopic;
import org.junit.jupiter.api.Test;

class ResumePointTest {

    private final ResumePoint point = new ResumePoint(new EventId(SourceTopic.READINGS, 3, 100), 5_000);

    @Test
    void onItsOwnPartitionEveryLaterOffsetFollowsWhateverItsTimestamp() {
        assertThat(point.isFollowedBy(new EventId(SourceTopic.READINGS, 3, 101), 4_000)).isTrue();
        assertThat(point.isFollowedBy(new EventId(SourceTopic.READINGS, 3, 100), 9_000)).isFalse();
        assertThat(point.isFollowedBy(new EventId(SourceTopic.READINGS, 3, 99), 9_000)).isFalse();
    }

    @Test
    void onOtherPartitionsALaterTimestampFollowsAndAnEarlierOneDoesNot() {
        assertThat(point.isFollowedBy(new EventId(SourceTopic.READINGS, 1, 7), 5_001)).isTrue();
        assertThat(point.isFollowedBy(new EventId(SourceTopic.ALERTS, 0, 7), 4_999)).isFalse();
    }

    @Test
    void atTheSameTimestampTheTopicAndPartitionDecide() {
        assertThat(point.isFollowedBy(new EventId(SourceTopic.READINGS, 2, 7), 5_000)).isFalse();
        assertThat(point.isFollowedBy(new EventId(SourceTopic.READINGS, 4, 7), 5_000)).isTrue();
        assertThat(point.isFollowedBy(new EventId(SourceTopic.ALERTS, 0, 7), 5_000)).isTrue();
        assertThat(new ResumePoint(new EventId(SourceTopic.ALERTS, 0, 1), 5_000)
                .isFollowedBy(new EventId(SourceTopic.READINGS, 5, 7), 5_000)).isFalse();
    }
}
