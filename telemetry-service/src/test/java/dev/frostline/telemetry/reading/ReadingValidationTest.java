package dev.frostline.telemetry.reading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.Metric;
import dev.frostline.telemetry.apikey.SiteScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadingValidationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final UUID UNIT = UUID.randomUUID();
    private static final UUID SITE = UUID.randomUUID();
    private static final UUID PRIMARY = UUID.randomUUID();
    private static final WritableTargets WRITABLE = new WritableTargets(
            List.of(new WritableTargets.KnownUnit(UNIT, SITE, PRIMARY)), List.of(), SiteScope.WHOLE_ORG);

    private final ReadingValidation validation = new ReadingValidation(Duration.ofMinutes(5), Duration.ofDays(400));

    private static SubmittedReading reading(String metric, Double value) {
        return SubmittedReading.forUnit(UNIT, metric, value, NOW.minusSeconds(30), "m-1");
    }

    private List<ReadingError> validate(SubmittedReading... readings) {
        return validation.validate(Arrays.asList(readings), WRITABLE, NOW).errors();
    }

    @Test
    void aReadingWithinItsMetricsRangeIsValid() {
        assertThat(validate(reading("temperature_c", 4.5), reading("humidity_pct", 55.0),
                reading("door_open", 1.0), reading("battery_pct", 100.0))).isEmpty();
    }

    @Test
    void rangeBoundsAreInclusive() {
        assertThat(validate(reading("temperature_c", -100.0), reading("temperature_c", 150.0),
                reading("humidity_pct", 0.0), reading("door_open", 0.0))).isEmpty();
    }

    @Test
    void valuesOutsideTheMetricsRangeAreRejected() {
        List<ReadingError> errors = validate(reading("temperature_c", 150.01), reading("temperature_c", -100.5),
                reading("humidity_pct", 100.1), reading("battery_pct", -1.0));

        assertThat(errors).extracting(ReadingError::index).containsExactly(0, 1, 2, 3);
        assertThat(errors).extracting(ReadingError::field).containsOnly("value");
    }

    @Test
    void doorOpenIsOnlyZeroOrOne() {
        List<ReadingError> errors = validate(reading("door_open", 0.5), reading("door_open", 2.0));

        assertThat(errors).extracting(ReadingError::index).containsExactly(0, 1);
        assertThat(errors.get(0).reason()).contains("whole number");
    }

    @Test
    void nonFiniteValuesAreRejected() {
        List<ReadingError> errors = validate(reading("temperature_c", Double.NaN),
                reading("temperature_c", Double.POSITIVE_INFINITY), reading("temperature_c", Double.NEGATIVE_INFINITY));

        assertThat(errors).extracting(ReadingError::reason).containsOnly("must be a finite number");
    }

    @Test
    void anUnknownMetricIsRejectedAndNamesTheKnownOnes() {
        List<ReadingError> errors = validate(reading("pressure_hpa", 1013.0));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("metric");
            assertThat(error.reason()).contains("temperature_c", "door_open");
        });
    }

    @Test
    void missingRequiredFieldsAreEachReported() {
        List<ReadingError> errors = validate(SubmittedReading.forUnit(null, null, null, null, null));

        assertThat(errors).extracting(ReadingError::field).containsExactly("unitId", "metric", "value");
    }

    @Test
    void recordedAtUpToTheClockSkewInTheFutureIsAcceptedAndBeyondIsNot() {
        SubmittedReading atLimit = SubmittedReading.forUnit(UNIT, "temperature_c", 3.0, NOW.plus(Duration.ofMinutes(5)), null);
        SubmittedReading beyond = SubmittedReading.forUnit(UNIT, "temperature_c", 3.0,
                NOW.plus(Duration.ofMinutes(5)).plusMillis(1), null);

        assertThat(validate(atLimit)).isEmpty();
        assertThat(validate(beyond)).singleElement().extracting(ReadingError::field).isEqualTo("recordedAt");
    }

    @Test
    void aMissingRecordedAtMeansNowAndIsValid() {
        assertThat(validate(SubmittedReading.forUnit(UNIT, "temperature_c", 3.0, null, null))).isEmpty();
    }

    @Test
    void messageIdMustBeOneTo128Characters() {
        SubmittedReading longest = SubmittedReading.forUnit(UNIT, "temperature_c", 3.0, NOW, "x".repeat(128));
        SubmittedReading tooLong = SubmittedReading.forUnit(UNIT, "temperature_c", 3.0, NOW, "x".repeat(129));
        SubmittedReading empty = SubmittedReading.forUnit(UNIT, "temperature_c", 3.0, NOW, "");

        assertThat(validate(longest)).isEmpty();
        assertThat(validate(tooLong, empty)).extracting(ReadingError::field).containsExactly("messageId", "messageId");
    }

    @Test
    void aUnitThatIsNotLiveInTheOrgIsRejectedWithoutSayingWhy() {
        SubmittedReading elsewhere = SubmittedReading.forUnit(UUID.randomUUID(), "temperature_c", 3.0, NOW, null);

        assertThat(validate(elsewhere)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("unitId");
            assertThat(error.reason()).isEqualTo(ReadingValidation.UNIT_NOT_LIVE);
        });
    }

    @Test
    void everyInvalidItemOfABatchIsReportedWithItsIndexAndUnreadableItemsAreSkipped() {
        List<SubmittedReading> batch = new ArrayList<>();
        batch.add(reading("temperature_c", 4.0));
        batch.add(null);
        batch.add(reading("temperature_c", 400.0));
        batch.add(reading("humidity_pct", 40.0));
        batch.add(reading("nope", 1.0));

        List<ReadingError> errors = validation.validate(batch, WRITABLE, NOW).errors();

        assertThat(errors).extracting(ReadingError::index).containsExactly(2, 4);
    }

    @Test
    void everyMetricHasAWireNameThatResolvesBackToIt() {
        for (Metric metric : Metric.values()) {
            assertThat(Metric.fromWireName(metric.wireName())).contains(metric);
        }
        assertThat(Metric.fromWireName(null)).isEmpty();
        assertThat(Metric.fromWireName("TEMPERATURE_C")).isEmpty();
    }
}
