package dev.frostline.alert.notification;

import java.time.Instant;
import java.util.UUID;

/** A delivery as admins see it in the dead-letter list and the delivery history of an alert. */
public record Delivery(UUID id, UUID requestId, UUID alertId, String kind, String subject, Channel channel,
        UUID recipientUserId, String recipientEmail, UUID endpointId, String endpointUrl, String status, int attempts,
        Instant nextAttemptAt, Instant lastAttemptAt, String lastError, Instant sentAt, Instant deadAt,
        Instant createdAt) {
}
