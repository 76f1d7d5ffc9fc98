package dev.frostline.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users whose tokens are void: a token whose subject is listed and whose {@code iat} is at or before
 * the listed instant is refused. An entry is needed only while such a token could still be
 * unexpired, i.e. until {@code revokedBefore + retention} (retention = the longest token lifetime
 * accepted plus clock skew); then it is dropped.
 */
public final class RevocationList {

    /** One revocation as identity publishes it. */
    public record Revocation(String subject, Instant revokedBefore) {
    }

    private final Map<String, Instant> revokedBefore = new ConcurrentHashMap<>();
    private final Duration retention;

    public RevocationList(Duration retention) {
        this.retention = retention;
    }

    /** Adds revocations; for a subject listed more than once the latest instant wins. */
    public void addAll(Iterable<Revocation> revocations) {
        for (Revocation revocation : revocations) {
            revokedBefore.merge(revocation.subject(), revocation.revokedBefore(),
                    (known, added) -> added.isAfter(known) ? added : known);
        }
    }

    public boolean isRevoked(String subject, Instant issuedAt) {
        Instant before = subject == null ? null : revokedBefore.get(subject);
        return before != null && !issuedAt.isAfter(before);
    }

    /** Drops the entries no unexpired token can match any more. */
    public void prune(Instant now) {
        revokedBefore.values().removeIf(before -> before.plus(retention).isBefore(now));
    }

    public int size() {
        return revokedBefore.size();
    }
}
