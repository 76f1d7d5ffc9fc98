package dev.frostline.telemetry.reading;

import java.util.List;

/**
 * One page of readings, newest first.
 *
 * @param next where the following page starts, or null when this page is the last
 */
public record ReadingPage(List<Reading> readings, ReadingCursor next) {

    /**
     * Cuts a fetch of {@code limit + 1} rows to {@code limit}: the extra row only says that another
     * page exists, without a second count query.
     */
    public static ReadingPage of(List<Reading> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new ReadingPage(fetched, null);
        }
        List<Reading> page = fetched.subList(0, limit);
        return new ReadingPage(page, ReadingCursor.of(page.get(limit - 1)));
    }
}
