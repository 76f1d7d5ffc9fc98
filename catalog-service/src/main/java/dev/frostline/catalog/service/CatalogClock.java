package dev.frostline.catalog.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The time of a change, at the precision PostgreSQL keeps. */
final class CatalogClock {

    private CatalogClock() {
    }

    /**
     * Truncated to microseconds so the response, the stored row and the published UnitState carry
     * exactly the same instant.
     */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
