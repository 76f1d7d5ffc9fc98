package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One write to the catalog, on {@link dev.frostline.contracts.Topics#CATALOG_CHANGES}, keyed by org ID
 * so that the changes of one org keep their order. It mirrors catalog's audit record: integrations and
 * realtime's {@code catalog} channel follow the hierarchy from it.
 *
 * @param entity what changed: {@code site}, {@code area}, {@code unit}, {@code sensor} or {@code gateway}
 * @param operation e.g. {@code created}, {@code updated}, {@code moved}, {@code deleted}, {@code restored},
 *        {@code assigned}, {@code unassigned}
 * @param siteId the site the entity is in (or is), when it has one; lets realtime route site channels
 * @param unitId the unit concerned, for units and sensor assignments; null otherwise
 * @param actorId the user who made the change
 * @param state the entity as it is after the change: the "after" of its audit record (IDs as strings)
 */
// Tolerant reader: a newer producer may add fields; older consumers must keep working.
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogChanged(
        UUID eventId,
        UUID orgId,
        String entity,
        UUID entityId,
        String operation,
        UUID siteId,
        UUID areaId,
        UUID unitId,
        UUID actorId,
        long version,
        Map<String, Object> state,
        Instant occurredAt) implements PlatformEvent {

    public CatalogChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(occurredAt, "occurredAt");
        // A view may hold null fields (no description), which Map.copyOf refuses.
        state = state == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(state));
    }
}
