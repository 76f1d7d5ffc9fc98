package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The current state of one device API key, on the compacted
 * {@link dev.frostline.contracts.Topics#IDENTITY_API_KEYS} topic. It carries the SHA-256 of the
 * secret, never the secret: the topic is as sensitive as identity's own key table, no more.
 *
 * @param siteId the one site whose units the key may report for; null: every unit of the org.
 *        Records written before keys had a scope lack the field and read as null, which is what
 *        those keys were: org-wide.
 * @param prefix the public part of the key, used to look it up
 * @param secretHash lower-case hex SHA-256 of the whole key string
 */
// Tolerant reader: a newer producer may add fields; older consumers must keep working.
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeyState(
        UUID keyId,
        UUID orgId,
        UUID siteId,
        String prefix,
        String secretHash,
        boolean revoked,
        Instant updatedAt) {

    public ApiKeyState {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
