package dev.frostline.telemetry.aggregate;

import dev.frostline.contracts.Metric;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One aggregate query: a metric of a unit bucketed over [from, to) in the site's time zone.
 *
 * <p>Buckets are aligned to the site's local clock. Fixed-width buckets are counted on the real
 * timeline from the local midnight of {@code from} (so a 1h bucket starts at a local full hour, and
 * the repeated hour when clocks go back is two buckets, not one of two hours); a day bucket is the
 * local calendar day, from one local midnight to the next.
 */
public record AggregateWindow(Metric metric, Bucket bucket, Instant from, Instant to, ZoneId zone) {

    /** The stable problem type of a request that would answer more buckets than the cap. */
    public static final ProblemType TOO_MANY_POINTS =
            new ProblemType("too-many-points", "Too many points for one response", 400);

    public AggregateWindow {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(zone, "zone");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** Where fixed-width buckets are counted from: the local midnight of {@code from}. */
    public Instant origin() {
        return from.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    /** The most buckets the range can hold: an upper bound of the points answered (empty buckets are left out). */
    public long bucketCount() {
        return bucketCount(bucket);
    }

    private long bucketCount(Bucket width) {
        if (width.isCalendarDay()) {
            LocalDate first = from.atZone(zone).toLocalDate();
            LocalDate last = to.minusNanos(1).atZone(zone).toLocalDate();
            return ChronoUnit.DAYS.between(first, last) + 1;
        }
        Duration step = width.width();
        Instant origin = origin();
        long firstIndex = Math.floorDiv(Duration.between(origin, from).toNanos(), step.toNanos());
        Instant firstStart = origin.plus(step.multipliedBy(firstIndex));
        long span = Duration.between(firstStart, to).toNanos();
        return Math.floorDiv(span + step.toNanos() - 1, step.toNanos());
    }

    /**
     * A 400 {@link #TOO_MANY_POINTS} problem unless the range fits in {@code maxPoints} buckets. Its
     * detail names the cap and the smallest wider bucket that would fit, or asks for a shorter range.
     */
    public void requireAtMost(int maxPoints) {
        long count = bucketCount();
        if (count <= maxPoints) {
            return;
        }
        Optional<Bucket> wider = Arrays.stream(Bucket.values())
                .filter(b -> b.ordinal() > bucket.ordinal())
                .filter(b -> bucketCount(b) <= maxPoints)
                .findFirst();
        String advice = wider.map(b -> "Use bucket=" + b.wireName() + " or a shorter range.")
                .orElse("Use a shorter range.");
        throw new ProblemException(TOO_MANY_POINTS, "This range holds " + count + " buckets of " + bucket.wireName()
                + "; at most " + maxPoints + " points are answered per request. " + advice);
    }
}
