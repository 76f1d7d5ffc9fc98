package dev.frostline.identity.rest;

import java.time.Instant;

/**
 * A signing key as operators see it (never its private part).
 *
 * @param retiresAt when it may be retired (set once a successor exists); null for the newest key
 * @param state pending, current, previous or retired
 */
public record SigningKeyView(String kid, Instant createdAt, Instant activatesAt, Instant retiresAt, Instant retiredAt,
        String state) {
}
