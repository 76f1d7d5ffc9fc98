package dev.frostline.alert.notification.rest;

import dev.frostline.alert.notification.ManagingWebhookEndpoints.Settings;
import dev.frostline.alert.notification.Severities;
import dev.frostline.alert.notification.WebhookTarget;
import dev.frostline.alert.rule.Severity;
import jakarta.validation.constraints.Size;

/**
 * Creates or replaces an endpoint.
 *
 * @param enabled absent: true
 * @param minSeverity warning (absent: every notice) or critical
 */
public record WebhookEndpointRequest(String url, @Size(max = 200) String description, Boolean enabled,
        String minSeverity) {

    /** Bad input is refused here, before anything is read or stored. */
    Settings settings() {
        return new Settings(WebhookTarget.validUrl(url), description, enabled == null || enabled,
                minSeverity == null ? Severity.WARNING : Severities.parse("minSeverity", minSeverity));
    }
}
