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
 * retention. Partitions are named {@code readings_yYYYYmMM}. The readings' 15-minute rollups are
 * partitioned by the same months ({@code reading_rollups_15m_yYYYYmMM}, range on bucket_start), so
 * one retention drops a month of readings and its rollups together.
 */
public final class ReadingPartitions {

    /** The partitioned tables, each with one partition per month: readings first, then its rollups. */
    public static final List<String> TABLES = List.of("readings", "reading_rollups_15m");

    private static final Pattern NAME = Pattern.compile("(?:readings|reading_rollups_15m)_y(\\d{4})m(\\d{2})");
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("'_y'yyyy'm'MM");

    /** One month's partition of readings; {@link #in(String)} names the same month of another table. */
    public record Partition(String name, Instant from, Instant to) {

        static Partition of(YearMonth month) {
            return new Partition("readings" + month.format(SUFFIX),
                    month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }

        /** The name of this month's partition of {@code table}, one of {@link #TABLES}. */
        public String in(String table) {
            if (!TABLES.contains(table)) {
                throw new IllegalArgumentException("not a partitioned table: " + table);
            }
            return table + name.substring("readings".length());
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

    /**
     * Among existing partition names (of any of {@link #TABLES}), those whose readings are all older
     * than the retention.
     */
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
