package dev.frostline.identity.service;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.identity.account.Membership;
import dev.frostline.identity.account.User;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.config.IdentityConfig;
import dev.frostline.identity.refresh.RefreshToken;
import dev.frostline.identity.refresh.RefreshTokenSecret;
import dev.frostline.identity.repository.MembershipRepository;
import dev.frostline.identity.repository.RefreshTokenRepository;
import dev.frostline.identity.repository.UserRepository;
import dev.frostline.identity.service.IssuingAccessTokens.IssuedToken;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Refresh tokens that are single use and rotated: each refresh consumes the presented token and
 * hands out its successor in the same family. Presenting a consumed token again means a copy
 * exists somewhere, so the whole family is revoked and the legitimate holder must log in again.
 * The access token is always re-issued from the membership as it is now, so role changes and
 * removals take effect at the next refresh.
 */
@ApplicationScoped
public class RotatingRefreshTokens {

    public static final ProblemType INVALID_REFRESH_TOKEN =
            new ProblemType("invalid-refresh-token", "Invalid refresh token", 401);

    /** What login, signup, refresh and org switch answer with. */
    public record SessionTokens(IssuedToken access, String refreshToken, long refreshExpiresInSeconds) {
    }

    private final RefreshTokenRepository refreshTokens;
    private final MembershipRepository memberships;
    private final UserRepository users;
    private final IssuingAccessTokens accessTokens;
    private final IdentityConfig config;
    private final AuditTrail audit;

    public RotatingRefreshTokens(RefreshTokenRepository refreshTokens, MembershipRepository memberships,
            UserRepository users, IssuingAccessTokens accessTokens, IdentityConfig config, AuditTrail audit) {
        this.refreshTokens = refreshTokens;
        this.memberships = memberships;
        this.users = users;
        this.accessTokens = accessTokens;
        this.config = config;
        this.audit = audit;
    }

    /** Starts a new family. Must run inside the caller's transaction. */
    public Uni<SessionTokens> startFamily(User user, Membership membership) {
        return issueInFamily(UUID.randomUUID(), user, membership, Instant.now());
    }

    /**
     * One transaction: lock the presented token's row, decide, write. A refusal is returned as a
     * null item and turned into the 401 only after commit, because failing inside the transaction
     * would roll back the family revocation that reuse detection just wrote.
     */
    public Uni<SessionTokens> refresh(String presented) {
        return Panache.withTransaction(() -> rotate(presented, Instant.now()))
                .onItem().ifNull().failWith(RotatingRefreshTokens::invalid);
    }

    /** Revokes the token's family. Unknown tokens are ignored, so the answer reveals nothing. */
    public Uni<Void> logOut(String presented) {
        return Panache.withTransaction(() -> refreshTokens.findByHash(RefreshTokenSecret.hash(presented))
                .chain(token -> token == null
                        ? Uni.createFrom().voidItem()
                        : refreshTokens.revokeFamily(token.familyId, Instant.now())
                                .chain(() -> audit.record(AuditEntry.of(AuditAction.LOGGED_OUT, token.orgId, token.userId)
                                        .target(token.familyId)))));
    }

    /** A fresh session in another org of the caller's; not a member answers 404, as tenancy does everywhere. */
    public Uni<SessionTokens> switchOrg(Caller caller, UUID orgId) {
        return Panache.withTransaction(() -> memberships.findOf(caller.userId(), orgId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", orgId))
                .chain(membership -> users.findById(caller.userId())
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", orgId))
                        .chain(user -> startFamily(user, membership))));
    }

    private Uni<SessionTokens> rotate(String presented, Instant now) {
        return refreshTokens.findByHashForUpdate(RefreshTokenSecret.hash(presented)).chain(token -> {
            if (token == null) {
                return Uni.createFrom().nullItem();
            }
            return switch (token.state(now)) {
                case VALID -> rotateValid(token, now);
                case REUSED -> {
                    Log.warnf("refresh token reuse in family %s of user %s: family revoked", token.familyId,
                            token.userId);
                    yield refreshTokens.revokeFamily(token.familyId, now)
                            .chain(() -> audit.record(AuditEntry.of(AuditAction.REFRESH_TOKEN_REUSED, token.orgId,
                                    token.userId).target(token.familyId)))
                            .replaceWith((SessionTokens) null);
                }
                case EXPIRED, REVOKED -> Uni.createFrom().nullItem();
            };
        });
    }

    private Uni<SessionTokens> rotateValid(RefreshToken token, Instant now) {
        return memberships.findOf(token.userId, token.orgId).chain(membership -> users.findById(token.userId)
                .chain(user -> {
                    if (membership == null || user == null) {
                        // The token itself is left unmodified: a managed entity flushed at commit
                        // would otherwise write its stale revoked_at back over the bulk update.
                        Log.infof("membership of user %s in org %s is gone: refresh family %s revoked",
                                token.userId, token.orgId, token.familyId);
                        return refreshTokens.revokeFamily(token.familyId, now).replaceWith((SessionTokens) null);
                    }
                    token.usedAt = now;
                    return issueInFamily(token.familyId, user, membership, now);
                }));
    }

    private Uni<SessionTokens> issueInFamily(UUID familyId, User user, Membership membership, Instant now) {
        String secret = RefreshTokenSecret.generate();
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.familyId = familyId;
        token.userId = user.id;
        token.orgId = membership.orgId;
        token.tokenHash = RefreshTokenSecret.hash(secret);
        token.createdAt = now;
        token.expiresAt = now.plus(config.refreshTokenTtl());
        return refreshTokens.persist(token)
                .chain(() -> accessTokens.issue(user, membership))
                .map(access -> new SessionTokens(access, secret, config.refreshTokenTtl().toSeconds()));
    }

    private static ProblemException invalid() {
        return new ProblemException(INVALID_REFRESH_TOKEN,
                "The refresh token is not valid (unknown, already used, revoked or expired). Log in again.");
    }
}
