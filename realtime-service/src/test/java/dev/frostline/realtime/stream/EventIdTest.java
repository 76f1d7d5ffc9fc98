package dev.frostline.realtime.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventIdTest {

    @Test
    void anEventIdIsTheTopicCodePartitionAndOffset() {
        assertThat(new EventId(SourceTopic.READINGS, 3, 1042)).hasToString("r-3-1042");
        assertThat(new EventId(SourceTopic.ALERTS, 0, 0)).hasToString("a-0-0");
        assertThat(new EventId(SourceTopic.CATALOG_CHANGES, 5, Long.MAX_VALUE)).hasToString("c-5-" + Long.MAX_VALUE);
    }

    @Test
    void parsingReadsBackWhatWasWritten() {
        for (EventId id : new EventId[] {new EventId(SourceTopic.READINGS, 3, 1042),
                new EventId(SourceTopic.ALERTS, 0, 0), new EventId(SourceTopic.CATALOG_CHANGES, 11, 99)}) {
            assertThat(EventId.parse(id.toString())).isEqualTo(id);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "r", "r-3", "r-3-", "x-3-1", "R-3-1", "r-03-1", "r-3-01", "r--3-1", "r-3--1",
            "r-3-1-2", "r-99999999999-1", "r-3-99999999999999999999", "r-3-1 ", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"})
    void anythingElseIsNotAnEventId(String text) {
        assertThatThrownBy(() -> EventId.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
