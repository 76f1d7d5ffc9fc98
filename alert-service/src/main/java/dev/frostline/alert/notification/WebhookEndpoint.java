package dev.frostline.alert.notification;

import dev.frostline.alert.rule.Severity;
import java.time.Instant;
import java.util.UUID;

/** A webhook endpoint of an org, without its secret (which is shown once, when created). */
public record WebhookEndpoint(UUID id, UUID orgId, String url, String description, boolean enabled,
        Severity minSeverity, Instant createdAt, Instant updatedAt) {
}
