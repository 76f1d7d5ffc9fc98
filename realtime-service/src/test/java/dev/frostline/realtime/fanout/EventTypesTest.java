package dev.frostline.realtime.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.AlertResolved;
import dev.frostline.contracts.events.CatalogChanged;
import dev.frostline.contracts.events.ReadingRecorded;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyPermittedSubtypeOfTheConsumedFamiliesHasAWireName() {
        // The compiler cannot check this for us on Java 17 (no pattern switch): the sealed hierarchy can.
        assertThat(Arrays.stream(EventTypes.FAMILIES).flatMap(family -> Arrays.stream(family.getPermittedSubclasses())))
                .isNotEmpty()
                .allSatisfy(subtype -> assertThat(EventTypes.isNamed(subtype)).as(subtype.getName()).isTrue());
    }

    @Test
    void namesAreTheTypeTagsOfTheKafkaTopics() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        assertThat(EventTypes.of(new ReadingRecorded(id, id, null, id, "temperature_c", 4.0, now, now)))
                .isEqualTo("reading.recorded");
        assertThat(EventTypes.of(new AlertOpened(id, id, null, id, id, id, "temperature_c", 9.0, null, 8.0, now)))
                .isEqualTo("alert.opened");
        assertThat(EventTypes.of(new AlertResolved(id, id, null, id, id, id, "temperature_c", 7.0, now)))
                .isEqualTo("alert.resolved");
        assertThat(EventTypes.of(new CatalogChanged(id, id, "unit", id, "created", null, null, id, id, 1, Map.of(), now)))
                .isEqualTo("catalog.changed");
    }
}
