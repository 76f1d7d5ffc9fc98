package dev.frostline.telemetry.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.contracts.Metric;
import dev.frostline.support.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AggregateWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private static AggregateWindow window(Bucket bucket, String from, String to, ZoneId zone) {
        return new AggregateWindow(Metric.TEMPERATURE_C, bucket, Instant.parse(from), Instant.parse(to), zone);
    }

    @Test
    void bucketsParseFromTheirWireNamesOnly() {
        assertThat(Bucket.fromWireName("15m")).contains(Bucket.FIFTEEN_MINUTES);
        assertThat(Bucket.fromWireName("1d")).contains(Bucket.ONE_DAY);
        assertThat(Bucket.fromWireName("2h")).isEmpty();
        assertThat(Bucket.fromWireName("1H")).isEmpty();
        assertThat(Bucket.wireNames()).isEqualTo("1m, 5m, 15m, 1h, 1d");
    }

    @Test
    void aDayOfHourlyBucketsIs24AndARangeOnBoundariesHasNoExtraBucket() {
        assertThat(window(Bucket.ONE_HOUR, "2026-01-10T00:00:00Z", "2026-01-11T00:00:00Z", UTC).bucketCount())
                .isEqualTo(24);
        assertThat(window(Bucket.ONE_MINUTE, "2026-01-10T00:00:00Z", "2026-01-10T00:01:00Z", UTC).bucketCount())
                .isEqualTo(1);
    }

    @Test
    void aRangeOffTheBoundariesCountsEveryBucketItTouches() {
        // 10:07 to 10:31 touches 10:00, 10:15 and 10:30.
        assertThat(window(Bucket.FIFTEEN_MINUTES, "2026-01-10T10:07:00Z", "2026-01-10T10:31:00Z", UTC).bucketCount())
                .isEqualTo(3);
    }

    @Test
    void fixedBucketsAlignToTheLocalClockNotToUtc() {
        // Kolkata is UTC+05:30: local full hours are UTC half hours.
        AggregateWindow window = window(Bucket.ONE_HOUR, "2026-01-10T04:30:00Z", "2026-01-10T06:30:00Z", KOLKATA);
        assertThat(window.origin()).isEqualTo(Instant.parse("2026-01-09T18:30:00Z"));
        assertThat(window.bucketCount()).isEqualTo(2);
        assertThat(window(Bucket.ONE_HOUR, "2026-01-10T04:00:00Z", "2026-01-10T06:00:00Z", KOLKATA).bucketCount())
                .isEqualTo(3);
    }

    @Test
    void localDaysAroundTheClockChangesAre23And25HoursLong() {
        // Berlin: clocks go forward on 2026-03-29 and back on 2026-10-25.
        AggregateWindow spring = window(Bucket.ONE_HOUR, "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z", BERLIN);
        assertThat(spring.bucketCount()).isEqualTo(23);
        AggregateWindow autumn = window(Bucket.ONE_HOUR, "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", BERLIN);
        assertThat(autumn.bucketCount()).isEqualTo(25);
        assertThat(window(Bucket.ONE_DAY, "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", BERLIN).bucketCount())
                .isEqualTo(1);
    }

    @Test
    void dayBucketsCountLocalCalendarDays() {
        // 23:30 UTC on Jan 9 is already Jan 10 in Berlin: Jan 10 and Jan 11 local.
        assertThat(window(Bucket.ONE_DAY, "2026-01-09T23:30:00Z", "2026-01-11T12:00:00Z", BERLIN).bucketCount())
                .isEqualTo(2);
        assertThat(window(Bucket.ONE_DAY, "2026-01-09T23:30:00Z", "2026-01-11T12:00:00Z", UTC).bucketCount())
                .isEqualTo(3);
        assertThat(window(Bucket.ONE_DAY, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", UTC).bucketCount())
                .isEqualTo(365);
    }

    @Test
    void theCapAdmitsExactlyMaxPointsAndNamesAWiderBucketAbove() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        AggregateWindow atCap = new AggregateWindow(Metric.TEMPERATURE_C, Bucket.ONE_MINUTE, from,
                from.plus(Duration.ofMinutes(10_000)), UTC);
        atCap.requireAtMost(10_000);

        AggregateWindow week = new AggregateWindow(Metric.TEMPERATURE_C, Bucket.ONE_MINUTE, from,
                from.plus(Duration.ofDays(7)), UTC);
        assertThatThrownBy(() -> week.requireAtMost(10_000))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(AggregateWindow.TOO_MANY_POINTS);
                    assertThat(e.type().status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("10080 buckets of 1m", "at most 10000", "bucket=5m");
                });
    }

    @Test
    void aRangeTooLongEvenForDaysAsksForAShorterRange() {
        AggregateWindow decades = window(Bucket.ONE_HOUR, "2000-01-01T00:00:00Z", "2040-01-01T00:00:00Z", UTC);
        assertThatThrownBy(() -> decades.requireAtMost(10_000))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.getMessage()).endsWith("Use a shorter range."));
    }

    @Test
    void anEmptyOrReversedRangeIsNotAWindow() {
        assertThatThrownBy(() -> window(Bucket.ONE_HOUR, "2026-01-10T00:00:00Z", "2026-01-10T00:00:00Z", UTC))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
