package dev.frostline.alert.notification.rest;

import dev.frostline.alert.notification.Delivery;
import java.time.Instant;
import java.util.UUID;

/** A delivery; recipient fields by channel: email has recipientUserId and recipientEmail, webhook endpointId and endpointUrl. */
public record DeliveryView(UUID id, UUID requestId, UUID alertId, String kind, String subject, String channel,
        UUID recipientUserId, String recipientEmail, UUID endpointId, String endpointUrl, String status, int attempts,
        Instant nextAttemptAt, Instant lastAttemptAt, String lastError, Instant sentAt, Instant deadAt,
        Instant createdAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.requestId(), d.alertId(), d.kind(), d.subject(), d.channel().wireName(),
                d.recipientUserId(), d.recipientEmail(), d.endpointId(), d.endpointUrl(), d.status(), d.attempts(),
                "pending".equals(d.status()) ? d.nextAttemptAt() : null, d.lastAttemptAt(), d.lastError(), d.sentAt(),
                d.deadAt(), d.createdAt());
    }
}
