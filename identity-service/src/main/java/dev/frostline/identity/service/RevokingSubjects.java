package dev.frostline.identity.service;

import dev.frostline.identity.config.IdentityConfig;
import dev.frostline.identity.config.RevocationConfig;
import dev.frostline.identity.repository.SubjectRevocationRepository;
import dev.frostline.identity.revocation.RevocationList;
import dev.frostline.identity.revocation.SubjectRevocation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Revokes every access token a user holds (their account was deleted): access tokens cannot be
 * recalled, so verifiers refuse tokens of the subject issued before the revocation. identity keeps the
 * list in memory (refreshed from the database every few seconds, so every replica learns another's
 * revocations) and the gateway polls the feed.
 */
@ApplicationScoped
public class RevokingSubjects {

    public record Feed(Instant asOf, List<SubjectRevocation> revocations) {
    }

    private final SubjectRevocationRepository revocations;
    private final Clock clock;
    private final IdentityConfig identity;
    private final RevocationConfig config;
    private final RevocationList known = new RevocationList();

    public RevokingSubjects(SubjectRevocationRepository revocations, Clock clock, IdentityConfig identity,
            RevocationConfig config) {
        this.revocations = revocations;
        this.clock = clock;
        this.identity = identity;
        this.config = config;
    }

    /** Records the revocation in the caller's transaction; call {@link #remember} after it commits. */
    public Uni<SubjectRevocation> revoke(UUID userId) {
        Instant now = clock.instant();
        SubjectRevocation revocation = new SubjectRevocation();
        revocation.id = UUID.randomUUID();
        revocation.userId = userId;
        revocation.revokedBefore = now;
        revocation.recordedAt = now;
        return revocations.persist(revocation);
    }

    /** Makes this replica refuse the subject's tokens at once, not only after the next reload. */
    public void remember(SubjectRevocation revocation) {
        known.add(revocation.userId, revocation.revokedBefore);
    }

    /** @param issuedAtSeconds the token's {@code iat} */
    public boolean isRevoked(String subject, long issuedAtSeconds) {
        return known.isRevoked(subject, issuedAtSeconds);
    }

    /** @param since null for every revocation that can still matter */
    @WithSession
    public Uni<Feed> feed(Instant since) {
        Instant now = clock.instant();
        Instant asOf = now.minus(config.feedOverlap());
        return revocations.recordedSince(since == null ? horizon(now) : since).map(rows -> new Feed(asOf, rows));
    }

    @Scheduled(every = "${frostline.identity.revocations.reload-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reload() {
        Instant horizon = horizon(clock.instant());
        return Panache.withSession(() -> revocations.recordedSince(horizon)).invoke(rows -> {
            rows.forEach(this::remember);
            known.forgetBefore(horizon);
        }).replaceWithVoid();
    }

    private Instant horizon(Instant now) {
        return now.minus(identity.accessTokenTtl()).minus(config.retentionMargin());
    }
}
