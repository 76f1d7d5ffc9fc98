package dev.frostline.identity.repository;

import dev.frostline.identity.invite.Invite;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InviteRepository implements PanacheRepositoryBase<Invite, UUID> {

    public Uni<List<Invite>> listPendingOfOrg(UUID orgId, Instant now) {
        return list("orgId = ?1 and acceptedAt is null and revokedAt is null and expiresAt > ?2 order by createdAt desc",
                orgId, now);
    }

    /** Tenancy: an invite of another org is simply not found. */
    public Uni<Invite> findInOrg(UUID id, UUID orgId) {
        return find("id = ?1 and orgId = ?2", id, orgId).firstResult();
    }

    /** Locked, so two concurrent acceptances of one token cannot both succeed. */
    public Uni<Invite> findByHashForUpdate(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** A new invite for an email replaces the pending ones, so only the latest link works. */
    public Uni<Integer> revokePendingFor(UUID orgId, String email, Instant now) {
        return update("revokedAt = ?1 where orgId = ?2 and email = ?3 and acceptedAt is null and revokedAt is null",
                now, orgId, email);
    }
}
