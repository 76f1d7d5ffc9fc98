package dev.frostline.catalog.audit;

import java.util.Locale;

/** What a write did. Stored and returned lower-cased ({@code made_primary}); those values are a stable API. */
public enum AuditOperation {
    CREATED, UPDATED, MOVED, DELETED, RESTORED, ASSIGNED, UNASSIGNED, MADE_PRIMARY, PRIMARY_REVOKED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
