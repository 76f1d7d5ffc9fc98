package dev.frostline.identity.service;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.identity.account.Membership;
import dev.frostline.identity.account.PasswordPolicy;
import dev.frostline.identity.account.User;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.invite.Invite;
import dev.frostline.identity.refresh.RefreshTokenSecret;
import dev.frostline.identity.messaging.MemberPublisher;
import dev.frostline.identity.repository.InviteRepository;
import dev.frostline.identity.repository.MembershipRepository;
import dev.frostline.identity.repository.UserRepository;
import dev.frostline.identity.service.RotatingRefreshTokens.SessionTokens;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Accepting an invite, in one of two ways: a signed-in user whose email is the invited one joins
 * the organization; or someone without an account creates one for the invited email (and gets no
 * organization of their own). Either way the answer is a new session in the inviting organization.
 * The invite row is locked, so one token is accepted at most once.
 */
@ApplicationScoped
public class AcceptingInvites {

    public static final ProblemType INVALID_INVITE = new ProblemType("invalid-invite", "Invalid invite", 400);
    public static final ProblemType INVITE_FOR_ANOTHER_EMAIL =
            new ProblemType("invite-for-another-email", "Invite is for another email", 403);

    private final InviteRepository invites;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final PasswordHasher hasher;
    private final RotatingRefreshTokens tokens;
    private final AuditTrail audit;
    private final MemberPublisher members;

    public AcceptingInvites(InviteRepository invites, UserRepository users, MembershipRepository memberships,
            PasswordHasher hasher, RotatingRefreshTokens tokens, AuditTrail audit, MemberPublisher members) {
        this.members = members;
        this.invites = invites;
        this.users = users;
        this.memberships = memberships;
        this.hasher = hasher;
        this.tokens = tokens;
        this.audit = audit;
    }

    public Uni<SessionTokens> acceptAsMember(Caller caller, String token) {
        return Panache.withTransaction(() -> pending(token).chain(invite -> users.findById(caller.userId())
                .chain(user -> {
                    if (user == null || !user.email.equals(invite.email)) {
                        return Uni.createFrom().failure(new ProblemException(INVITE_FOR_ANOTHER_EMAIL,
                                "This invite was sent to another email address. Sign in with that account."));
                    }
                    return memberships.findOf(user.id, invite.orgId).chain(existing -> existing != null
                            ? Uni.createFrom().failure(Inviting.alreadyMember())
                            : join(invite, user));
                })));
    }

    public Uni<SessionTokens> acceptWithSignup(String token, String password, String displayName) {
        PasswordPolicy.check(password);
        // Hash before the transaction: no connection is held while bcrypt runs.
        return hasher.hash(password).chain(hash -> Panache.withTransaction(() -> pending(token)
                .chain(invite -> users.findByEmail(invite.email).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(new ProblemException(SigningUp.EMAIL_TAKEN,
                                "An account with this email exists. Sign in, then accept the invite."));
                    }
                    User user = new User();
                    user.id = UUID.randomUUID();
                    user.email = invite.email;
                    user.passwordHash = hash;
                    user.displayName = displayName;
                    user.createdAt = Instant.now();
                    return users.persist(user)
                            .chain(() -> audit.record(AuditEntry.of(AuditAction.SIGNED_UP, invite.orgId, user.id)
                                    .target(user.id).detail("via", "invite")))
                            .chain(() -> join(invite, user));
                }))));
    }

    private Uni<Invite> pending(String token) {
        return invites.findByHashForUpdate(RefreshTokenSecret.hash(token)).map(invite -> {
            if (invite == null || !invite.pendingAt(Instant.now())) {
                throw new ProblemException(INVALID_INVITE,
                        "This invite is invalid, already used, revoked or expired. Ask for a new one.");
            }
            return invite;
        });
    }

    private Uni<SessionTokens> join(Invite invite, User user) {
        Instant now = Instant.now();
        Membership membership = new Membership();
        membership.userId = user.id;
        membership.orgId = invite.orgId;
        membership.role = invite.role;
        membership.createdAt = now;
        invite.acceptedAt = now;
        invite.acceptedBy = user.id;
        return memberships.persist(membership)
                .chain(() -> members.changed(membership, user))
                .chain(() -> audit.record(AuditEntry.of(AuditAction.INVITE_ACCEPTED, invite.orgId, user.id)
                        .target(invite.id).detail("role", invite.role.claimValue())))
                .chain(() -> tokens.startFamily(user, membership));
    }
}
