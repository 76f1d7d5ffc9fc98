package dev.frostline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.ApiKeyState;
import dev.frostline.contracts.events.ApiKeyUsed;
import dev.frostline.contracts.events.CatalogChanged;
import dev.frostline.contracts.events.SensorState;
import dev.frostline.contracts.events.UnitState;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Test
    void readingRecordedCarriesItsSensorAndMessageIdAndOlderRecordsReadWithoutThem() throws Exception {
        TelemetryEvent event = new ReadingRecorded(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "humidity_pct", 55, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:01Z"), UUID.randomUUID(), "fcnt-42");
        String json = mapper.writeValueAsString(event);

        assertThat(mapper.readValue(json, TelemetryEvent.class)).isEqualTo(event);
        String older = json.replaceAll(",\"sensorId\":\"[^\"]+\"", "").replace(",\"messageId\":\"fcnt-42\"", "");
        ReadingRecorded read = (ReadingRecorded) mapper.readValue(older, TelemetryEvent.class);
        assertThat(read.sensorId()).isNull();
        assertThat(read.messageId()).isNull();
        assertThat(read.unitId()).isEqualTo(((ReadingRecorded) event).unitId());
    }

    @Test
    void unitStateCarriesSiteNameZoneAndPrimarySensorAndOlderRecordsReadWithoutThem() throws Exception {
        UnitState state = new UnitState(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "Freezer 2", "freezer", false, 7, Instant.parse("2026-01-01T00:00:00Z"), "Lyon kitchen",
                "Europe/Paris", UUID.randomUUID());
        String json = mapper.writeValueAsString(state);

        assertThat(mapper.readValue(json, UnitState.class)).isEqualTo(state);
        String older = """
                {"unitId":"6f1c1f8e-1f4a-4a43-9a57-0d1c2b3a4e5f","orgId":"0b0e2a52-3c1f-4d2e-8a7b-1c2d3e4f5a6b",
                 "name":"Fridge","type":"fridge","deleted":false,"version":3,"updatedAt":"2026-01-01T00:00:00Z"}
                """;
        UnitState read = mapper.readValue(older, UnitState.class);
        assertThat(read.timeZone()).isNull();
        assertThat(read.primarySensorId()).isNull();
        assertThat(read.version()).isEqualTo(3);
    }

    @Test
    void sensorStateRoundTrips() throws Exception {
        SensorState state = new SensorState(UUID.randomUUID(), UUID.randomUUID(), "70B3D57ED0001234", null,
                "EM300-TH", UUID.randomUUID(), UUID.randomUUID(), true, false, 4, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(mapper.readValue(mapper.writeValueAsString(state), SensorState.class)).isEqualTo(state);
    }

    @Test
    void catalogChangedRoundTripsWithAStateThatHasNullFields() throws Exception {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", "Walk-in");
        view.put("description", null);
        CatalogChanged change = new CatalogChanged(UUID.randomUUID(), UUID.randomUUID(), "unit", UUID.randomUUID(),
                "moved", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 2, view,
                Instant.parse("2026-01-01T00:00:00Z"));

        CatalogChanged read = mapper.readValue(mapper.writeValueAsString(change), CatalogChanged.class);

        assertThat(read).isEqualTo(change);
        assertThat(read.state()).containsEntry("description", null);
    }
}
