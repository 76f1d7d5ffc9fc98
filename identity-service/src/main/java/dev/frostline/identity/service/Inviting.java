package dev.frostline.identity.service;

import dev.frostline.contracts.Role;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.identity.account.EmailAddress;
import dev.frostline.identity.account.MembershipRules;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.config.AccountLinksConfig;
import dev.frostline.identity.invite.Invite;
import dev.frostline.identity.mail.AccountMails;
import dev.frostline.identity.messaging.MailOutbox;
import dev.frostline.identity.refresh.RefreshTokenSecret;
import dev.frostline.identity.repository.InviteRepository;
import dev.frostline.identity.repository.MembershipRepository;
import dev.frostline.identity.repository.OrganizationRepository;
import dev.frostline.identity.repository.UserRepository;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Invites people into the caller's active organization (admin or owner, by the granting rules of
 * {@link MembershipRules}). The invite mail is queued in the same transaction as the invite; the
 * token in it is 256 random bits, stored only as its SHA-256.
 */
@ApplicationScoped
public class Inviting {

    public static final ProblemType ALREADY_MEMBER = new ProblemType("already-member", "Already a member", 409);

    private final InviteRepository invites;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    private final ActingMember acting;
    private final MailOutbox mail;
    private final AuditTrail audit;
    private final AccountLinksConfig links;

    public Inviting(InviteRepository invites, UserRepository users, MembershipRepository memberships,
            OrganizationRepository organizations, ActingMember acting, MailOutbox mail, AuditTrail audit,
            AccountLinksConfig links) {
        this.invites = invites;
        this.users = users;
        this.memberships = memberships;
        this.organizations = organizations;
        this.acting = acting;
        this.mail = mail;
        this.audit = audit;
        this.links = links;
    }

    /** A new invite for an email replaces that email's pending ones: only the latest link works. */
    @WithTransaction
    public Uni<Invite> invite(Caller caller, String rawEmail, Role role) {
        String email = EmailAddress.normalize(rawEmail);
        return acting.roleOf(caller)
                .invoke(actor -> MembershipRules.checkInvite(actor, role))
                .chain(() -> users.findByEmail(email))
                .chain(user -> user == null ? Uni.createFrom().nullItem() : memberships.findOf(user.id, caller.orgId()))
                .chain(existing -> existing != null
                        ? Uni.createFrom().failure(alreadyMember())
                        : organizations.findById(caller.orgId()))
                .chain(org -> {
                    Instant now = Instant.now();
                    String token = RefreshTokenSecret.generate();
                    Invite invite = new Invite();
                    invite.id = UUID.randomUUID();
                    invite.orgId = caller.orgId();
                    invite.email = email;
                    invite.role = role;
                    invite.tokenHash = RefreshTokenSecret.hash(token);
                    invite.invitedBy = caller.userId();
                    invite.createdAt = now;
                    invite.expiresAt = now.plus(links.inviteTtl());
                    return invites.revokePendingFor(caller.orgId(), email, now)
                            .chain(() -> invites.persist(invite))
                            .chain(() -> mail.enqueue(email, AccountMails.invite(links.publicUrl(), token, org.name,
                                    role.claimValue(), links.inviteTtl())))
                            .chain(() -> audit.record(AuditEntry.of(AuditAction.MEMBER_INVITED, caller.orgId(),
                                    caller.userId()).target(invite.id).detail("role", role.claimValue())))
                            .replaceWith(invite);
                });
    }

    @WithSession
    public Uni<List<Invite>> listPending(Caller caller) {
        return acting.roleOf(caller)
                .invoke(MembershipRules::checkCanManageInvites)
                .chain(() -> invites.listPendingOfOrg(caller.orgId(), Instant.now()));
    }

    /** Revoking an invite that is no longer pending changes nothing and still succeeds. */
    @WithTransaction
    public Uni<Void> revoke(Caller caller, UUID id) {
        return invites.findInOrg(id, caller.orgId())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Invite", id))
                .chain(invite -> acting.roleOf(caller)
                        .invoke(MembershipRules::checkCanManageInvites)
                        .invoke(() -> {
                            if (invite.acceptedAt == null && invite.revokedAt == null) {
                                invite.revokedAt = Instant.now();
                            }
                        }))
                .replaceWithVoid();
    }

    static ProblemException alreadyMember() {
        return new ProblemException(ALREADY_MEMBER, "This person is already a member of the organization.");
    }
}
