package dev.frostline.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With the module, a mapper reads and writes Instants exactly as with the JavaTimeModule alone. */
class IsoInstantModuleTest {

    private final ObjectMapper standard = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ObjectMapper withModule = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    IsoInstantModuleTest() {
        new IsoInstantCustomizer().customize(withModule);
    }

    record Stamped(Instant at) {
    }

    @Test
    void writesTheSameText() throws Exception {
        for (Instant instant : List.of(Instant.EPOCH, Instant.parse("2026-03-29T01:00:00.123Z"),
                Instant.parse("1969-12-31T23:59:59.000001Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2026-12-03T12:52:30.123456789Z"))) {
            assertThat(withModule.writeValueAsString(new Stamped(instant)))
                    .isEqualTo(standard.writeValueAsString(new Stamped(instant)))
                    .contains(instant.toString());
        }
    }

    @Test
    void writesTheSameTimestampsWhenTheMapperIsToldTo() throws Exception {
        Stamped stamped = new Stamped(Instant.parse("2026-12-03T12:52:30.123456Z"));
        standard.enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        withModule.enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        assertThat(withModule.writeValueAsString(stamped)).isEqualTo(standard.writeValueAsString(stamped))
                .isEqualTo("{\"at\":1796302350.123456000}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-12-03T12:52:30.123456Z\"", "\"2026-12-03T12:52:30Z\"",
            "\"2026-12-03T13:52:30+01:00\"", "\" 2026-12-03T12:52:30Z \"", "\"2026-12-03t12:52:30z\"",
            "1764766350.5", "1764766350", "\"+10000-01-01T00:00:00Z\""})
    void readsTheSameInstant(String json) throws Exception {
        String body = "{\"at\":" + json + "}";

        assertThat(withModule.readValue(body, Stamped.class)).isEqualTo(standard.readValue(body, Stamped.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-13-03T12:52:30Z\"", "\"2026-02-30T00:00:00Z\"", "\"yesterday\"", "\"\""})
    void refusesWhatTheStandardMapperRefuses(String json) {
        String body = "{\"at\":" + json + "}";
        Throwable standardError = catchThrowable(() -> standard.readValue(body, Stamped.class));
        Throwable moduleError = catchThrowable(() -> withModule.readValue(body, Stamped.class));

        if (standardError == null) {
            assertThat(moduleError).isNull();
        } else {
            assertThat(moduleError).isNotNull().hasSameClassAs(standardError);
        }
    }

    @Test
    void anImpossibleDateIsAFormatError() {
        assertThatThrownBy(() -> withModule.readValue("{\"at\":\"2026-02-30T00:00:00Z\"}", Stamped.class))
                .isInstanceOf(InvalidFormatException.class);
    }
}
