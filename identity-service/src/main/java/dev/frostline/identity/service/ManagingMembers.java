package dev.frostline.identity.service;

import dev.frostline.contracts.Role;
import dev.frostline.identity.account.Membership;
import dev.frostline.identity.account.MembershipRules;
import dev.frostline.identity.account.User;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.messaging.MemberPublisher;
import dev.frostline.identity.repository.MembershipRepository;
import dev.frostline.identity.repository.OrganizationRepository;
import dev.frostline.identity.repository.UserRepository;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lists the members of the caller's active organization, changes their roles and removes them, by
 * {@link MembershipRules}. Changes reach the affected user's tokens at their next refresh, which
 * re-reads the membership (a removed member's refresh fails).
 */
@ApplicationScoped
public class ManagingMembers {

    /** A membership with the user it belongs to. */
    public record Member(Membership membership, User user) {
    }

    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final ActingMember acting;
    private final AuditTrail audit;
    private final MemberPublisher members;

    public ManagingMembers(MembershipRepository memberships, OrganizationRepository organizations,
            UserRepository users, ActingMember acting, AuditTrail audit, MemberPublisher members) {
        this.members = members;
        this.memberships = memberships;
        this.organizations = organizations;
        this.users = users;
        this.acting = acting;
        this.audit = audit;
    }

    @WithSession
    public Uni<List<Member>> list(Caller caller) {
        return acting.roleOf(caller).chain(ignored -> memberships.listOfOrg(caller.orgId())).chain(members -> {
            if (members.isEmpty()) {
                return Uni.createFrom().item(List.<Member>of());
            }
            return users.list("id in ?1", members.stream().map(m -> m.userId).toList()).map(found -> {
                Map<UUID, User> byId = found.stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
                return members.stream().filter(m -> byId.containsKey(m.userId))
                        .map(m -> new Member(m, byId.get(m.userId))).toList();
            });
        });
    }

    @WithTransaction
    public Uni<Member> changeRole(Caller caller, UUID userId, Role requested) {
        return lockedTarget(caller, userId).chain(target -> acting.roleOf(caller)
                .chain(actor -> memberships.countOwners(caller.orgId()).invoke(owners ->
                        MembershipRules.checkRoleChange(actor, target.role, requested, userId.equals(caller.userId()),
                                owners)))
                .chain(() -> {
                    Role previous = target.role;
                    if (previous == requested) {
                        return member(target);
                    }
                    target.role = requested;
                    return audit.record(AuditEntry.of(AuditAction.ROLE_CHANGED, caller.orgId(), caller.userId())
                                    .target(userId).detail("from", previous.claimValue()).detail("to", requested.claimValue()))
                            .chain(() -> member(target))
                            .call(member -> members.changed(target, member.user()));
                }));
    }

    /** Removing oneself is leaving the organization. */
    @WithTransaction
    public Uni<Void> remove(Caller caller, UUID userId) {
        return lockedTarget(caller, userId).chain(target -> acting.roleOf(caller)
                .chain(actor -> memberships.countOwners(caller.orgId()).invoke(owners ->
                        MembershipRules.checkRemoval(actor, target.role, userId.equals(caller.userId()), owners)))
                .chain(() -> memberships.delete(target))
                .chain(() -> users.findById(userId))
                .chain(user -> members.removed(target, user))
                .chain(() -> audit.record(AuditEntry.of(AuditAction.MEMBER_REMOVED, caller.orgId(), caller.userId())
                        .target(userId).detail("role", target.role.claimValue()))));
    }

    /**
     * The target's membership, after locking the organization's row: membership changes of one
     * organization run one at a time, so two owners demoting each other cannot both pass the
     * last-owner check.
     */
    private Uni<Membership> lockedTarget(Caller caller, UUID userId) {
        return organizations.findById(caller.orgId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(org -> memberships.findOf(userId, caller.orgId()))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Member", userId));
    }

    private Uni<Member> member(Membership membership) {
        return users.findById(membership.userId).map(user -> new Member(membership, user));
    }
}
