package dev.frostline.catalog.listing;

import java.time.Instant;

/** What a list can be ordered by; {@code field} is the entity field, ties are always broken by ID. */
public enum SortKey {
    NAME("name"), CREATED_AT("createdAt"), OCCURRED_AT("occurredAt");

    private final String field;

    SortKey(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The cursor's text form of a key value back to the value the query compares. */
    public Object parseKey(String key) {
        return this == NAME ? key : Instant.parse(key);
    }
}
