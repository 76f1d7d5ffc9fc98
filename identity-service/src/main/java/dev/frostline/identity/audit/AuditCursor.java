package dev.frostline.identity.audit;

import dev.frostline.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of audit events ended: events are listed newest first by (occurredAt, id), so the
 * next page holds those strictly before this pair. Opaque to clients (base64url).
 */
public record AuditCursor(Instant occurredAt, UUID id) {

    public String encode() {
        String plain = occurredAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static AuditCursor decode(String encoded) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            return new AuditCursor(Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.validation("before must be the nextCursor of a previous page");
        }
    }

    public static AuditCursor of(AuditEvent event) {
        return new AuditCursor(event.occurredAt, event.id);
    }
}
