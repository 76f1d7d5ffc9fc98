package dev.frostline.catalog.listing;

import java.util.List;

/** One page of a list: its order, its size and where it starts (null for the first page). */
public record PageRequest(ListSort sort, int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** @throws IllegalArgumentException with a caller-readable message for a bad sort, limit or cursor */
    public static PageRequest parse(String sort, String limit, String cursor, List<SortKey> allowedSorts) {
        ListSort order = ListSort.parse(sort, allowedSorts);
        return new PageRequest(order, parseLimit(limit),
                cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, order));
    }

    private static int parseLimit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
