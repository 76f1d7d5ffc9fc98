package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The current state of one unit, as catalog publishes it on the compacted
 * {@link dev.frostline.contracts.Topics#CATALOG_UNITS} topic. Projections keep the newest by
 * {@code version}: a stale redelivery never overwrites a newer state.
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
        Instant updatedAt) {

    public UnitState {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
