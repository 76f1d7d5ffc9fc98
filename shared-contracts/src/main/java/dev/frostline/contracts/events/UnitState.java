package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The current state of one unit, as catalog publishes it on the compacted
 * {@link dev.frostline.contracts.Topics#CATALOG_UNITS} topic. Projections keep the newest by
 * {@code version}: a stale redelivery never overwrites a newer state.
 *
 * @param siteName the site's name, so exports and dashboards label a unit without calling catalog;
 *        catalog republishes the units of a site when it is renamed
 * @param timeZone the site's IANA time zone (e.g. {@code Europe/Paris}): daily aggregates and
 *        reports use the site's local day. Null only in records written before the field existed.
 * @param primarySensorId the sensor currently assigned to the unit as its primary one, or null
 */
// Tolerant reader: a newer producer may add fields; older consumers must keep working.
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitState(
        UUID unitId,
        UUID orgId,
        UUID siteId,
        UUID areaId,
        String name,
        String type,
        boolean deleted,
        long version,
        Instant updatedAt,
        String siteName,
        String timeZone,
        UUID primarySensorId) {

    /** A state without the fields added for the complete catalog (site name, zone, primary sensor). */
    public UnitState(UUID unitId, UUID orgId, UUID siteId, UUID areaId, String name, String type,
            boolean deleted, long version, Instant updatedAt) {
        this(unitId, orgId, siteId, areaId, name, type, deleted, version, updatedAt, null, null, null);
    }

    public UnitState {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
