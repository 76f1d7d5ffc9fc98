package dev.frostline.alert.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery a sender has claimed, with what it needs to send it: the request's subject and body,
 * and the recipient's address or the endpoint's URL and secret.
 *
 * @param attempt this attempt's number (1 for the first); the outcome is recorded only if the
 *        delivery is still at this attempt, so a sender whose lease ran out cannot overwrite a newer one
 * @param claimedAt when this attempt started: the retry backoff counts from it
 */
public record ClaimedDelivery(UUID id, Channel channel, int attempt, Instant claimedAt, String kind, String subject, String body,
        String email, String url, String secret) {
}
