package dev.frostline.telemetry.reading;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which monthly partitions of {@code readings} (range on {@code recorded_at}, months in UTC) should
 * exist: every month that may still receive a reading, from the oldest one inside the retention to
 * {@code monthsAhead} months past the current one, and none whose every reading is past the
 * retention. Partitions are named {@code readings_yYYYYmMM}.
 */
public final class ReadingPartitions {

    private static final Pattern NAME = Pattern.compile("readings_y(\\d{4})m(\\d{2})");
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("'readings_y'yyyy'm'MM");

    /** One month's partition. */
    public record Partition(String name, Instant from, Instant to) {

        static Partition of(YearMonth month) {
            return new Partition(month.format(SUFFIX), month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
    }

    private final Duration retention;
    private final int monthsAhead;

    public ReadingPartitions(Duration retention, int monthsAhead) {
        this.retention = retention;
        this.monthsAhead = monthsAhead;
    }

    /** The partitions that must exist at {@code now}, oldest first. */
    public List<Partition> wanted(Instant now) {
        YearMonth oldest = YearMonth.from(now.minus(retention).atOffset(ZoneOffset.UTC));
        YearMonth last = YearMonth.from(now.atOffset(ZoneOffset.UTC)).plusMonths(monthsAhead);
        List<Partition> wanted = new ArrayList<>();
        for (YearMonth month = oldest; !month.isAfter(last); month = month.plusMonths(1)) {
            wanted.add(Partition.of(month));
        }
        return wanted;
    }

    /** Among existing partition names, those whose readings are all older than the retention. */
    public List<String> expired(Collection<String> existing, Instant now) {
        Instant cutoff = now.minus(retention);
        List<String> expired = new ArrayList<>();
        for (String name : existing) {
            month(name).map(Partition::of).filter(p -> !p.to().isAfter(cutoff)).ifPresent(p -> expired.add(name));
        }
        return expired;
    }

    private static Optional<YearMonth> month(String name) {
        Matcher matcher = NAME.matcher(name);
        return matcher.matches()
                ? Optional.of(YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }
}
