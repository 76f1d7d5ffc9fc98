package dev.frostline.telemetry.reading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.telemetry.apikey.SiteScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Where a reading belongs when it names a sensor, a unit or both. */
class ReadingTargetResolutionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final UUID SITE_A = UUID.randomUUID();
    private static final UUID SITE_B = UUID.randomUUID();
    private static final UUID UNIT_A = UUID.randomUUID();
    private static final UUID UNIT_B = UUID.randomUUID();
    private static final UUID PRIMARY_A = UUID.randomUUID();
    private static final UUID SENSOR_A = UUID.randomUUID();
    private static final String DEV_EUI_A = "70B3D57ED005A1B2";
    private static final UUID SENSOR_B = UUID.randomUUID();
    private static final UUID UNASSIGNED = UUID.randomUUID();
    private static final String DEV_EUI_UNASSIGNED = "A840414E11223344";

    private final ReadingValidation validation = new ReadingValidation(Duration.ofMinutes(5), Duration.ofDays(400));

    private static WritableTargets writable(SiteScope scope) {
        return new WritableTargets(
                List.of(new WritableTargets.KnownUnit(UNIT_A, SITE_A, PRIMARY_A),
                        new WritableTargets.KnownUnit(UNIT_B, SITE_B, null)),
                List.of(new WritableTargets.KnownSensor(SENSOR_A, DEV_EUI_A, UNIT_A),
                        new WritableTargets.KnownSensor(SENSOR_B, null, UNIT_B),
                        new WritableTargets.KnownSensor(UNASSIGNED, DEV_EUI_UNASSIGNED, null)),
                scope);
    }

    private static SubmittedReading reading(UUID unitId, UUID sensorId, String devEui) {
        return new SubmittedReading(unitId, sensorId, devEui, "temperature_c", 3.0, NOW, "m-1");
    }

    private ReadingValidation.Outcome validate(SiteScope scope, SubmittedReading reading) {
        return validation.validate(List.of(reading), writable(scope), NOW);
    }

    @Test
    void aSensorNamedByIdOrDevEuiDecidesTheUnitAndIdentifiesTheReading() {
        ReadingTarget expected = new ReadingTarget(UNIT_A, SITE_A, SENSOR_A, true);

        assertThat(validate(SiteScope.WHOLE_ORG, reading(null, SENSOR_A, null)).targets()).containsExactly(expected);
        assertThat(validate(SiteScope.WHOLE_ORG, reading(null, null, DEV_EUI_A.toLowerCase())).targets())
                .containsExactly(expected);
        assertThat(validate(SiteScope.WHOLE_ORG, reading(UNIT_A, SENSOR_A, DEV_EUI_A)).targets())
                .containsExactly(expected);
        assertThat(expected.identifiedBy()).isEqualTo(SENSOR_A);
    }

    @Test
    void aReadingNamingOnlyItsUnitIsAttributedToThePrimarySensorButIdentifiedByTheUnit() {
        ReadingTarget target = validate(SiteScope.WHOLE_ORG, reading(UNIT_A, null, null)).targets().get(0);

        assertThat(target).isEqualTo(new ReadingTarget(UNIT_A, SITE_A, PRIMARY_A, false));
        assertThat(target.identifiedBy()).isEqualTo(UNIT_A);
        assertThat(validate(SiteScope.WHOLE_ORG, reading(UNIT_B, null, null)).targets().get(0).sensorId()).isNull();
    }

    @Test
    void anUnknownUnassignedOrOutOfScopeSensorIsRefusedWithOneReason() {
        List<ReadingError> unknown = validate(SiteScope.WHOLE_ORG, reading(null, UUID.randomUUID(), null)).errors();
        List<ReadingError> unassigned = validate(SiteScope.WHOLE_ORG, reading(null, UNASSIGNED, null)).errors();
        List<ReadingError> outOfScope = validate(new SiteScope(SITE_A), reading(null, SENSOR_B, null)).errors();
        List<ReadingError> unknownDevEui = validate(SiteScope.WHOLE_ORG, reading(null, null, "0011223344556677")).errors();
        List<ReadingError> unassignedDevEui = validate(SiteScope.WHOLE_ORG, reading(null, null, DEV_EUI_UNASSIGNED))
                .errors();

        assertThat(List.of(unknown, unassigned, outOfScope)).allSatisfy(errors -> assertThat(errors).singleElement()
                .isEqualTo(new ReadingError(0, "sensorId", ReadingValidation.SENSOR_NOT_WRITABLE)));
        assertThat(List.of(unknownDevEui, unassignedDevEui)).allSatisfy(errors -> assertThat(errors).singleElement()
                .isEqualTo(new ReadingError(0, "devEui", ReadingValidation.SENSOR_NOT_WRITABLE)));
    }

    @Test
    void aUnitOrDevEuiThatContradictsTheNamedSensorIsRefused() {
        assertThat(validate(SiteScope.WHOLE_ORG, reading(UNIT_B, SENSOR_A, null)).errors())
                .extracting(ReadingError::field).containsExactly("unitId");
        assertThat(validate(SiteScope.WHOLE_ORG, reading(null, SENSOR_B, DEV_EUI_A)).errors())
                .extracting(ReadingError::field).containsExactly("devEui");
    }

    @Test
    void aMalformedDevEuiOrNoTargetAtAllIsRefused() {
        assertThat(validate(SiteScope.WHOLE_ORG, reading(null, null, "70-B3-D5")).errors()).singleElement()
                .isEqualTo(new ReadingError(0, "devEui", "must be 16 hexadecimal digits"));
        assertThat(validate(SiteScope.WHOLE_ORG, reading(null, null, null)).errors())
                .extracting(ReadingError::field).containsExactly("unitId");
    }

    @Test
    void anInvalidReadingHasNoTargetEvenWhenItsSensorResolved() {
        SubmittedReading tooHot = new SubmittedReading(null, SENSOR_A, null, "temperature_c", 400.0, NOW, null);

        ReadingValidation.Outcome outcome = validation.validate(List.of(tooHot), writable(SiteScope.WHOLE_ORG), NOW);

        assertThat(outcome.targets()).containsExactly((ReadingTarget) null);
        assertThat(outcome.errors()).extracting(ReadingError::field).containsExactly("value");
    }
}
