package dev.frostline.alert.notification;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One delivery a request expands into: an email to a member, or a POST to an endpoint. Its ID is
 * derived from the request and the recipient, so expanding the same request again (a second
 * dispatcher, a retried transaction) finds the same IDs and adds nothing.
 */
public record PlannedDelivery(UUID id, UUID requestId, Channel channel, UUID userId, String email, UUID endpointId) {

    public static PlannedDelivery email(UUID requestId, UUID userId, String email) {
        return new PlannedDelivery(derive(requestId, "email", userId), requestId, Channel.EMAIL, userId, email, null);
    }

    public static PlannedDelivery webhook(UUID requestId, UUID endpointId) {
        return new PlannedDelivery(derive(requestId, "webhook", endpointId), requestId, Channel.WEBHOOK, null, null,
                endpointId);
    }

    private static UUID derive(UUID requestId, String channel, UUID recipient) {
        return UUID.nameUUIDFromBytes(("notification-delivery:" + requestId + ":" + channel + ":" + recipient)
                .getBytes(StandardCharsets.UTF_8));
    }
}
