package dev.frostline.telemetry.rest;

import dev.frostline.telemetry.reading.UnitLatest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** @param units every live unit of the site, by name; {@code latest} empty for a unit without readings */
public record SiteLatestResponse(UUID siteId, String siteName, List<Unit> units) {

    public record Unit(UUID unitId, String name, List<Latest> latest) {
    }

    /** The newest reading of one metric. */
    public record Latest(String metric, double value, Instant recordedAt) {
    }

    public static SiteLatestResponse of(UUID siteId, List<UnitLatest> units) {
        return new SiteLatestResponse(siteId, units.get(0).siteName(), units.stream()
                .map(u -> new Unit(u.unitId(), u.unitName(), u.latest().stream()
                        .map(l -> new Latest(l.metric(), l.value(), l.recordedAt())).toList()))
                .toList());
    }
}
