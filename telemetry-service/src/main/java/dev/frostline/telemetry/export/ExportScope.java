package dev.frostline.telemetry.export;

import dev.frostline.contracts.Metric;
import java.time.Instant;
import java.util.UUID;

/**
 * What an export holds: the readings of one unit or of every unit now in a site, over [from, to),
 * of one metric or (null) all.
 */
public record ExportScope(Kind kind, UUID id, Metric metric, Instant from, Instant to) {

    public enum Kind {
        UNIT, SITE
    }

    /** An ASCII file name for Content-Disposition; IDs rather than user-chosen names need no escaping. */
    public String fileName() {
        return "readings-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + id + ".csv";
    }
}
