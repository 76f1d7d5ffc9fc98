package dev.frostline.telemetry.apikey;

import dev.frostline.contracts.ApiKeyFormat;
import java.util.UUID;

/**
 * A device API key as ingest checks it: the projected state of one key, read for every request
 * (see {@code DeviceKeyReads}). It holds the SHA-256 of the key, never the key.
 *
 * @param siteId the one site whose units the key may report for; null for every unit of the org
 */
public record DeviceKey(UUID keyId, UUID orgId, UUID siteId, String secretHash, boolean revoked) {

    /** Whether the presented key is this key and still valid; compares in constant time. */
    public boolean admits(String presentedKey) {
        return presentedKey != null && ApiKeyFormat.matches(presentedKey, secretHash) && !revoked;
    }

    public SiteScope scope() {
        return new SiteScope(siteId);
    }
}
