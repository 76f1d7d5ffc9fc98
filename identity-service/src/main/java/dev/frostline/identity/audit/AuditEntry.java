package dev.frostline.identity.audit;

import java.util.Map;
import java.util.UUID;

/**
 * What a use case reports to the audit trail. The trail adds the time, the client address and the
 * request ID of the HTTP request in progress.
 *
 * @param orgId the organization whose admins may see the event; null for none
 * @param actorId the user who acted; null when unknown (a failed login for an unknown email)
 * @param targetId what was acted on (a user, key or invite ID), or null
 */
public record AuditEntry(AuditAction action, UUID orgId, UUID actorId, String targetId, Map<String, String> details) {

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static AuditEntry of(AuditAction action, UUID orgId, UUID actorId) {
        return new AuditEntry(action, orgId, actorId, null, Map.of());
    }

    public AuditEntry target(Object target) {
        return new AuditEntry(action, orgId, actorId, target == null ? null : target.toString(), details);
    }

    public AuditEntry detail(String key, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(details);
        more.put(key, value);
        return new AuditEntry(action, orgId, actorId, targetId, more);
    }
}
