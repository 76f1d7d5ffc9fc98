package dev.frostline.identity.refresh;

import java.time.Instant;

/**
 * What presenting a refresh token means. The order of the checks is the rule: a revoked family
 * stays revoked whatever else is true; a token that was already used is a reuse even once it has
 * expired, because its successors may still be alive and must be revoked with the family.
 */
public enum RefreshTokenState {
    /** Never used, not revoked, not expired: may be exchanged once. */
    VALID,
    /** Past its lifetime; refused, and nothing else happens. */
    EXPIRED,
    /** Presented a second time: someone holds a copy, so the whole family is revoked. */
    REUSED,
    /** Its family was revoked (logout, reuse, membership gone). */
    REVOKED;

    public static RefreshTokenState of(Instant usedAt, Instant revokedAt, Instant expiresAt, Instant now) {
        if (revokedAt != null) {
            return REVOKED;
        }
        if (usedAt != null) {
            return REUSED;
        }
        if (!now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        return VALID;
    }

    /** Whether presenting a token in this state must revoke every token of its family. */
    public boolean revokesFamily() {
        return this == REUSED;
    }
}
