package dev.frostline.identity.service;

import dev.frostline.contracts.Role;
import dev.frostline.identity.account.Membership;
import dev.frostline.identity.account.Organization;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.messaging.MemberPublisher;
import dev.frostline.identity.repository.MembershipRepository;
import dev.frostline.identity.repository.UserRepository;
import dev.frostline.identity.repository.OrganizationRepository;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Creates organizations and lists the caller's. Acting in one is a session switch (token/switch-org). */
@ApplicationScoped
public class ManagingOrganizations {

    /** One organization of a user, with the user's role in it. */
    public record OrgRole(UUID orgId, String name, Role role) {
    }

    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final AuditTrail audit;
    private final UserRepository users;
    private final MemberPublisher members;

    public ManagingOrganizations(OrganizationRepository organizations, MembershipRepository memberships,
            AuditTrail audit, UserRepository users, MemberPublisher members) {
        this.users = users;
        this.members = members;
        this.organizations = organizations;
        this.memberships = memberships;
        this.audit = audit;
    }

    /** The caller becomes the new organization's owner. */
    @WithTransaction
    public Uni<OrgRole> create(Caller caller, String name) {
        Instant now = Instant.now();
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.name = name.trim();
        org.createdAt = now;
        Membership owner = new Membership();
        owner.userId = caller.userId();
        owner.orgId = org.id;
        owner.role = Role.OWNER;
        owner.createdAt = now;
        return organizations.persist(org)
                .chain(() -> memberships.persist(owner))
                .chain(() -> users.findById(caller.userId()))
                .chain(user -> members.changed(owner, user))
                .chain(() -> audit.record(AuditEntry.of(AuditAction.ORG_CREATED, org.id, caller.userId()).target(org.id)))
                .map(ignored -> new OrgRole(org.id, org.name, Role.OWNER));
    }

    @WithSession
    public Uni<List<OrgRole>> listOf(UUID userId) {
        return memberships.listOfUser(userId).chain(mine -> {
            if (mine.isEmpty()) {
                return Uni.createFrom().item(List.<OrgRole>of());
            }
            List<UUID> ids = mine.stream().map(m -> m.orgId).toList();
            return organizations.list("id in ?1", ids).map(orgs -> {
                Map<UUID, Organization> byId = orgs.stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
                return mine.stream()
                        .filter(m -> byId.containsKey(m.orgId))
                        .map(m -> new OrgRole(m.orgId, byId.get(m.orgId).name, m.role))
                        .toList();
            });
        });
    }
}
