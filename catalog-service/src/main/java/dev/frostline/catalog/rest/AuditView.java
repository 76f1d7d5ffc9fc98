package dev.frostline.catalog.rest;

import dev.frostline.catalog.audit.AuditRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code before} is null for a creation; {@code changedFields} is the diff of before and after. */
public record AuditView(UUID id, Instant occurredAt, UUID actorId, String entityType, UUID entityId, String operation,
        Map<String, Object> before, Map<String, Object> after, List<String> changedFields) {

    static AuditView of(AuditRecord record) {
        return new AuditView(record.id, record.occurredAt, record.actorId, record.entityType, record.entityId,
                record.operation, record.before, record.after, List.copyOf(record.changedFields()));
    }
}
