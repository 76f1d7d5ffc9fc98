package dev.frostline.catalog.audit;

import java.time.Instant;
import java.util.UUID;

/** Filters of the audit log; every one optional, the org never. {@code from} inclusive, {@code to} exclusive. */
public record AuditQuery(String entityType, UUID entityId, UUID actorId, Instant from, Instant to) {
}
