package dev.frostline.alert.notification.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.frostline.alert.notification.WebhookEndpoint;
import java.time.Instant;
import java.util.UUID;

/** @param secret only in the answer to the creation: it is never shown again */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEndpointView(UUID id, String url, String description, boolean enabled, String minSeverity,
        Instant createdAt, Instant updatedAt, String secret) {

    static WebhookEndpointView of(WebhookEndpoint endpoint) {
        return of(endpoint, null);
    }

    static WebhookEndpointView of(WebhookEndpoint endpoint, String secret) {
        return new WebhookEndpointView(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.enabled(),
                endpoint.minSeverity().wireName(), endpoint.createdAt(), endpoint.updatedAt(), secret);
    }
}
