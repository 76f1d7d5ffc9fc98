package dev.frostline.identity.service;

import dev.frostline.contracts.Role;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.identity.account.Membership;
import dev.frostline.identity.account.User;
import dev.frostline.identity.apikey.ApiKey;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.messaging.ApiKeyStateMapper;
import dev.frostline.identity.messaging.MemberPublisher;
import dev.frostline.identity.repository.ApiKeyRepository;
import dev.frostline.identity.repository.MembershipRepository;
import dev.frostline.identity.repository.RefreshTokenRepository;
import dev.frostline.identity.repository.UserRepository;
import dev.frostline.identity.revocation.SubjectRevocation;
import dev.frostline.support.outbox.Outbox;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Deletes the caller's account, all or nothing:
 * <ul>
 * <li>refused with 409 last-owner while they are the only owner of an organization that has other
 * members (they must hand ownership over first);</li>
 * <li>an organization whose only member they are is left without members and its device API keys
 * are revoked (published, so telemetry refuses them within seconds); its data in the other services
 * stays until an operator removes it;</li>
 * <li>memberships are deleted, every refresh-token family is revoked, and the user row is anonymized
 * (email freed, password unusable) rather than deleted, because API keys and tokens reference it;</li>
 * <li>a subject revocation voids the access tokens still in circulation, here at once and at the
 * gateway through the revocation feed.</li>
 * </ul>
 */
@ApplicationScoped
public class DeletingAccount {

    public static final ProblemType LAST_OWNER = new ProblemType("last-owner", "Last owner of an organization", 409);
    public static final ProblemType PASSWORD_INCORRECT = new ProblemType("password-incorrect", "Password incorrect", 403);

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final RefreshTokenRepository refreshTokens;
    private final ApiKeyRepository apiKeys;
    private final PasswordHasher hasher;
    private final RevokingSubjects revocations;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final MemberPublisher members;

    public DeletingAccount(UserRepository users, MembershipRepository memberships, RefreshTokenRepository refreshTokens,
            ApiKeyRepository apiKeys, PasswordHasher hasher, RevokingSubjects revocations, Outbox outbox,
            AuditTrail audit, Clock clock, MemberPublisher members) {
        this.members = members;
        this.users = users;
        this.memberships = memberships;
        this.refreshTokens = refreshTokens;
        this.apiKeys = apiKeys;
        this.hasher = hasher;
        this.revocations = revocations;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param password required for accounts that have one */
    @WithSession
    public Uni<Void> delete(Caller caller, String password) {
        return users.findById(caller.userId())
                .onItem().ifNull().failWith(() -> new ProblemException(ProblemType.UNAUTHENTICATED,
                        "A valid bearer token is required."))
                .chain(user -> confirm(user, password).chain(() -> Panache.withTransaction(() -> deleteNow(user))))
                .invoke(revocations::remember)
                .replaceWithVoid();
    }

    private Uni<Void> confirm(User user, String password) {
        if (user.passwordHash == null) {
            return Uni.createFrom().voidItem();
        }
        if (password == null || password.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.validation(
                    "password is required: send {\"password\": \"...\"} to confirm the deletion"));
        }
        return hasher.matches(password, user.passwordHash).chain(ok -> ok
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new ProblemException(PASSWORD_INCORRECT,
                        "The password is not correct; the account was not deleted.")));
    }

    private Uni<SubjectRevocation> deleteNow(User user) {
        Instant now = clock.instant();
        return memberships.listOfUser(user.id).chain(mine -> leaveAll(user, mine, now)
                .chain(() -> refreshTokens.update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now, user.id))
                .chain(() -> {
                    user.email = "deleted-" + user.id + "@deleted.invalid";
                    // Not a bcrypt hash: no password ever matches it.
                    user.passwordHash = "!deleted";
                    user.displayName = null;
                    return members.removed(mine, user).chain(() -> revocations.revoke(user.id));
                })
                .call(() -> auditDeletion(user, mine)));
    }

    /** Checks every org first, so a refusal changes nothing; then leaves them. */
    private Uni<Void> leaveAll(User user, List<Membership> mine, Instant now) {
        Uni<Void> checks = Uni.createFrom().voidItem();
        List<UUID> soleMemberOf = new ArrayList<>();
        for (Membership membership : mine) {
            checks = checks.chain(() -> memberships.count("orgId = ?1 and userId <> ?2", membership.orgId, user.id)
                    .chain(others -> {
                        if (others == 0) {
                            soleMemberOf.add(membership.orgId);
                            return Uni.createFrom().voidItem();
                        }
                        if (membership.role != Role.OWNER) {
                            return Uni.createFrom().voidItem();
                        }
                        return memberships.count("orgId = ?1 and userId <> ?2 and role = ?3", membership.orgId, user.id,
                                Role.OWNER).chain(owners -> owners > 0
                                        ? Uni.createFrom().voidItem()
                                        : Uni.createFrom().failure(new ProblemException(LAST_OWNER,
                                                "You are the last owner of organization " + membership.orgId
                                                        + ", which has other members. Make another member owner first.")));
                    }));
        }
        return checks
                .chain(() -> memberships.delete("userId", user.id))
                .chain(() -> revokeApiKeys(soleMemberOf, now));
    }

    private Uni<Void> revokeApiKeys(List<UUID> orgs, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID org : orgs) {
            chain = chain.chain(() -> apiKeys.list("orgId = ?1 and revokedAt is null", org)).chain(keys -> {
                Uni<Void> each = Uni.createFrom().voidItem();
                for (ApiKey key : keys) {
                    key.revokedAt = now;
                    each = each.chain(() -> outbox.enqueue(Topics.IDENTITY_API_KEYS, key.id.toString(),
                            ApiKeyStateMapper.toState(key)));
                }
                return each;
            });
        }
        return chain;
    }

    /** One row per organization the user was in, so each org's admins see it; none: one row without org. */
    private Uni<Void> auditDeletion(User user, List<Membership> mine) {
        List<UUID> orgs = new ArrayList<>();
        mine.forEach(m -> orgs.add(m.orgId));
        if (orgs.isEmpty()) {
            orgs.add(null);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID org : orgs) {
            chain = chain.chain(() -> audit.record(AuditEntry.of(AuditAction.ACCOUNT_DELETED, org, user.id).target(user.id)));
        }
        return chain;
    }
}
