package dev.frostline.identity.signing;

import java.time.Instant;

/** When a signing key was made, starts signing, may be retired and was retired (null: not yet). */
public record KeyTimeline(String kid, Instant createdAt, Instant activatesAt, Instant retiresAt, Instant retiredAt) {
}
