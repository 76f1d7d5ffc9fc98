package dev.frostline.identity.repository;

import dev.frostline.contracts.Role;
import dev.frostline.identity.account.Membership;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<Membership, Membership.Key> {

    public Uni<List<Membership>> listOfUser(UUID userId) {
        return list("userId = ?1 order by createdAt, orgId", userId);
    }

    public Uni<Membership> findOf(UUID userId, UUID orgId) {
        return find("userId = ?1 and orgId = ?2", userId, orgId).firstResult();
    }

    public Uni<List<Membership>> listOfOrg(UUID orgId) {
        return list("orgId = ?1 order by createdAt, userId", orgId);
    }

    public Uni<Long> countOwners(UUID orgId) {
        return count("orgId = ?1 and role = ?2", orgId, Role.OWNER);
    }
}
