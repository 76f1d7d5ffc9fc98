package dev.frostline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.contracts.events.TelemetryEvent;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventWireFormatTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void readingRecordedRoundTripsThroughItsFamilyWithATypeTag() throws Exception {
        TelemetryEvent event = new ReadingRecorded(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "temperature_c", 4.5, Instant.parse("2026-01-01T00:00:00Z"), Instant.now());

        String json = mapper.writeValueAsString(event);

        assertThat(json).contains("\"type\":\"reading.recorded\"");
        assertThat(mapper.readValue(json, TelemetryEvent.class)).isEqualTo(event);
    }

    @Test
    void alertOpenedRoundTripsThroughItsFamilyWithATypeTag() throws Exception {
        AlertEvent event = new AlertOpened(UUID.randomUUID(), UUID.randomUUID(), null, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "temperature_c", 12.0, null, 8.0, Instant.now());

        String json = mapper.writeValueAsString(event);

        assertThat(json).contains("\"type\":\"alert.opened\"");
        assertThat(mapper.readValue(json, AlertEvent.class)).isEqualTo(event);
    }
}
