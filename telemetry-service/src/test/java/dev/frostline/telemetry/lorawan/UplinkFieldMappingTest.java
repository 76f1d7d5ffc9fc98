package dev.frostline.telemetry.lorawan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.contracts.Metric;
import dev.frostline.telemetry.reading.ReadingError;
import dev.frostline.telemetry.reading.SubmittedBatch;
import dev.frostline.telemetry.reading.SubmittedReading;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UplinkFieldMappingTest {

    private static final String DEFAULTS =
            "TempC_SHT=temperature_c,Hum_SHT=humidity_pct,temperature=temperature_c,humidity=humidity_pct,battery=battery_pct";
    private static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00.123456789Z");

    private static Uplink uplink(Map<String, Object> decoded, String sessionKeyId) {
        return new Uplink("A84041000181C062", RECEIVED, 42, sessionKeyId, decoded);
    }

    @Test
    void theDefaultsMapDraginoLht65FieldsAndLeaveTheBatteryVoltageAndProbeAlone() {
        Map<String, Object> lht65 = Map.of("BatV", 3.044, "Hum_SHT", 48.9, "TempC_DS", 327.67, "TempC_SHT", -18.46);

        assertThat(UplinkFieldMapping.parse(DEFAULTS).map(lht65)).containsExactly(
                new UplinkFieldMapping.MappedValue("TempC_SHT", Metric.TEMPERATURE_C, -18.46),
                new UplinkFieldMapping.MappedValue("Hum_SHT", Metric.HUMIDITY_PCT, 48.9));
    }

    @Test
    void theDefaultsMapElsysAndMilesightFieldsWithOnlyAPercentBattery() {
        Map<String, Object> elsys = Map.of("temperature", 4.1, "humidity", 71, "vdd", 3655, "light", 39);
        Map<String, Object> milesight = Map.of("temperature", 3.4, "humidity", 60, "battery", 100);

        assertThat(UplinkFieldMapping.parse(DEFAULTS).map(elsys)).extracting(UplinkFieldMapping.MappedValue::metric)
                .containsExactly(Metric.TEMPERATURE_C, Metric.HUMIDITY_PCT);
        assertThat(UplinkFieldMapping.parse(DEFAULTS).map(milesight)).extracting(UplinkFieldMapping.MappedValue::metric)
                .containsExactly(Metric.TEMPERATURE_C, Metric.HUMIDITY_PCT, Metric.BATTERY_PCT);
    }

    @Test
    void theFirstListedFieldPresentGivesItsMetricsOnlyReading() {
        UplinkFieldMapping mapping = UplinkFieldMapping.parse("probe=temperature_c,internal=temperature_c");

        assertThat(mapping.map(Map.of("internal", 5.0, "probe", -20.0))).singleElement()
                .extracting(UplinkFieldMapping.MappedValue::field).isEqualTo("probe");
        assertThat(mapping.map(Map.of("internal", 5.0))).singleElement()
                .extracting(UplinkFieldMapping.MappedValue::field).isEqualTo("internal");
    }

    @Test
    void aDottedFieldReachesIntoNestedObjects() {
        Map<String, Object> nested = Map.of("sensor", Map.of("temp", 2.5), "flat", 1);

        assertThat(UplinkFieldMapping.parse("sensor.temp=temperature_c,flat.x=door_open").map(nested)).singleElement()
                .isEqualTo(new UplinkFieldMapping.MappedValue("sensor.temp", Metric.TEMPERATURE_C, 2.5));
    }

    @Test
    void aMalformedEntryOrUnknownMetricFailsWithTheEntry() {
        assertThatThrownBy(() -> UplinkFieldMapping.parse("TempC_SHT")).hasMessageContaining("'TempC_SHT'");
        assertThatThrownBy(() -> UplinkFieldMapping.parse("BatV=battery_v")).hasMessageContaining("unknown metric");
        assertThat(UplinkFieldMapping.parse(" , TempC_SHT = temperature_c ,").map(Map.of("TempC_SHT", 1))).hasSize(1);
    }

    @Test
    void anUplinkBecomesReadingsOfItsDevEuiAtItsReceptionWithOneMessageIdPerFrame() {
        Map<String, Object> decoded = new LinkedHashMap<>();
        decoded.put("door", true);
        decoded.put("t", -3);
        SubmittedBatch batch = UplinkReadings.of(uplink(decoded, "AZOq7Lk5cWUHpXcTqE3Jhw=="),
                UplinkFieldMapping.parse("t=temperature_c,door=door_open"));

        assertThat(batch.unreadable()).isEmpty();
        assertThat(batch.readings()).containsExactly(
                new SubmittedReading(null, null, "A84041000181C062", "temperature_c", -3.0, RECEIVED,
                        "A84041000181C062:AZOq7Lk5cWUHpXcTqE3Jhw==:42"),
                new SubmittedReading(null, null, "A84041000181C062", "door_open", 1.0, RECEIVED,
                        "A84041000181C062:AZOq7Lk5cWUHpXcTqE3Jhw==:42"));
    }

    @Test
    void theSameFrameCounterInANewSessionIsAnotherMessage() {
        assertThat(uplink(Map.of(), "session-1").messageId()).isNotEqualTo(uplink(Map.of(), "session-2").messageId());
        assertThat(uplink(Map.of(), null).messageId()).isEqualTo("A84041000181C062:42");
    }

    @Test
    void aMappedFieldThatIsNotANumberIsAnErrorOfThatField() {
        SubmittedBatch batch = UplinkReadings.of(uplink(Map.of("t", "cold", "h", 50), null),
                UplinkFieldMapping.parse("t=temperature_c,h=humidity_pct"));

        assertThat(batch.readings()).hasSize(2).first().isNull();
        assertThat(batch.unreadable()).extracting(ReadingError::index, ReadingError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "uplink_message.decoded_payload.t"));
    }
}
