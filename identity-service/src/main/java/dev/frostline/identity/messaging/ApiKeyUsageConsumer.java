package dev.frostline.identity.messaging;

import dev.frostline.contracts.events.ApiKeyUsed;
import dev.frostline.identity.service.ManagingApiKeys;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies telemetry's reports of device key use to {@code api_keys.last_used_at}. */
@ApplicationScoped
public class ApiKeyUsageConsumer {

    private final ManagingApiKeys apiKeys;

    public ApiKeyUsageConsumer(ManagingApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Incoming("api-key-usage")
    public Uni<Void> apply(ApiKeyUsed used) {
        if (used == null) {
            Log.warn("skipping an empty or unreadable API key usage record");
            return Uni.createFrom().voidItem();
        }
        // Best effort by design: "last used" is informational and the next report (one interval
        // later) carries a newer time, so a database hiccup skips this report instead of
        // stopping the channel.
        return apiKeys.recordUse(used)
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("could not record the use of API key %s: %s", used.keyId(), e.toString());
                    return Uni.createFrom().voidItem();
                });
    }
}
