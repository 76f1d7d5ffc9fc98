package dev.frostline.telemetry.export;

import java.time.Instant;
import java.time.ZoneId;

/** One reading as the export writes it, with the names and zone of its unit's site. */
public record ExportRow(String siteName, String unitName, String metric, double value, Instant recordedAt,
        ZoneId zone) {
}
