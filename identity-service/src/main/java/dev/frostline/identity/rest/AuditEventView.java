package dev.frostline.identity.rest;

import dev.frostline.identity.audit.AuditEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One audit event as admins see it; action is the lower-case value, such as login_failed. */
public record AuditEventView(UUID id, Instant occurredAt, String action, UUID actorId, String targetId,
        String clientIp, String requestId, Map<String, String> details) {

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(event.id, event.occurredAt, event.action, event.actorId, event.targetId,
                event.clientIp, event.requestId, event.details == null ? Map.of() : event.details);
    }
}
