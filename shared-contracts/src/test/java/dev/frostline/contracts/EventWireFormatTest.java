package dev.frostline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.ApiKeyState;
import dev.frostline.contracts.events.ApiKeyUsed;
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

    @Test
    void apiKeyStateRoundTripsWithItsSiteScope() throws Exception {
        ApiKeyState state = new ApiKeyState(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "abcdefghij",
                "00ff", false, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(mapper.readValue(mapper.writeValueAsString(state), ApiKeyState.class)).isEqualTo(state);
    }

    @Test
    void anApiKeyStateWrittenBeforeKeysHadAScopeReadsAsOrgWide() throws Exception {
        String old = """
                {"keyId":"6f1c1f8e-1f4a-4a43-9a57-0d1c2b3a4e5f","orgId":"0b0e2a52-3c1f-4d2e-8a7b-1c2d3e4f5a6b",
                 "prefix":"abcdefghij","secretHash":"00ff","revoked":true,"updatedAt":"2026-01-01T00:00:00Z"}
                """;

        ApiKeyState state = mapper.readValue(old, ApiKeyState.class);

        assertThat(state.siteId()).isNull();
        assertThat(state.revoked()).isTrue();
        assertThat(state.prefix()).isEqualTo("abcdefghij");
    }

    @Test
    void apiKeyUsedRoundTripsAndToleratesFieldsItDoesNotKnow() throws Exception {
        ApiKeyUsed used = new ApiKeyUsed(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-01-01T00:00:01Z"));
        String json = mapper.writeValueAsString(used);

        assertThat(mapper.readValue(json, ApiKeyUsed.class)).isEqualTo(used);
        String newer = json.substring(0, json.length() - 1) + ",\"requests\":42}";
        assertThat(mapper.readValue(newer, ApiKeyUsed.class)).isEqualTo(used);
    }
}
