package dev.frostline.catalog.listing;

import java.util.Arrays;
import java.util.List;

/** A list order as the API spells it: {@code name}, {@code -createdAt} ('-' for descending). */
public record ListSort(SortKey key, boolean descending) {

    /** The order of catalog lists when none is asked for: oldest first, as the skeleton listed them. */
    public static final ListSort DEFAULT = new ListSort(SortKey.CREATED_AT, false);

    public static ListSort parse(String raw, List<SortKey> allowed) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT;
        }
        String text = raw.strip();
        boolean descending = text.startsWith("-");
        String field = descending ? text.substring(1) : text;
        return allowed.stream().filter(key -> key.field().equals(field)).findFirst()
                .map(key -> new ListSort(key, descending))
                .orElseThrow(() -> new IllegalArgumentException("sort must be one of "
                        + String.join(", ", allowed.stream().map(SortKey::field).toList())
                        + ", optionally prefixed with '-' for descending"));
    }

    public static List<SortKey> entitySortKeys() {
        return Arrays.asList(SortKey.NAME, SortKey.CREATED_AT);
    }

    public String wire() {
        return (descending ? "-" : "") + key.field();
    }
}
