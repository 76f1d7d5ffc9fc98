package dev.frostline.identity.revocation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revoked subjects a verifier must know: subject -> revokedBefore. A token of a listed subject
 * issued at or before that instant is void. Once every token issued before that instant has expired
 * the entry is moot and is forgotten, so the list stays small. Entries are only ever added or
 * forgotten by age, never replaced, so a reload racing a new revocation cannot lose it.
 */
public final class RevocationList {

    private final Map<UUID, Instant> revokedBefore = new ConcurrentHashMap<>();

    /** @param issuedAtSeconds the token's {@code iat} */
    public boolean isRevoked(String subject, long issuedAtSeconds) {
        UUID id;
        try {
            id = UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        Instant before = revokedBefore.get(id);
        return before != null && !Instant.ofEpochSecond(issuedAtSeconds).isAfter(before);
    }

    /** The later instant wins when a subject is revoked twice. */
    public void add(UUID subject, Instant before) {
        revokedBefore.merge(subject, before, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Drops entries whose tokens have all expired: revoked before {@code horizon}. */
    public void forgetBefore(Instant horizon) {
        revokedBefore.values().removeIf(before -> before.isBefore(horizon));
    }
}
