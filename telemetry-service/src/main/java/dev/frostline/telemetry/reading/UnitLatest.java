package dev.frostline.telemetry.reading;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The newest reading of each metric of one unit; {@code latest} is empty for a unit without readings.
 */
public record UnitLatest(UUID unitId, String unitName, String siteName, List<Latest> latest) {

    public record Latest(String metric, double value, Instant recordedAt) {
    }
}
