package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * telemetry accepted readings sent with this device API key, last at {@code lastUsedAt}. Published
 * on {@link dev.frostline.contracts.Topics#API_KEY_USAGE} at most once per key per reporting
 * interval, so {@code lastUsedAt} is accurate to that interval, not to the request.
 */
// Tolerant reader: a newer producer may add fields; older consumers must keep working.
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeyUsed(UUID keyId, UUID orgId, Instant lastUsedAt) {

    public ApiKeyUsed {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }
}
