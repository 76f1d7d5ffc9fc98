package dev.frostline.identity.repository;

import dev.frostline.identity.external.ExternalIdentity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ExternalIdentityRepository implements PanacheRepositoryBase<ExternalIdentity, ExternalIdentity.Key> {

    /** What a provisioning lock guards: the two kinds never share a lock, whatever their text. */
    public enum LockScope {
        ORGANIZATION, USER;

        /** First key of the two-key advisory lock: a number no other lock in this schema uses. */
        int lockClass() {
            return 7000 + ordinal();
        }
    }

    public Uni<ExternalIdentity> findBySubject(String issuer, String subject) {
        return find("issuer = ?1 and subject = ?2", issuer, subject).firstResult();
    }

    /**
     * Serializes the provisioning of one external user or organization for the rest of the
     * transaction, so two first exchanges at once create it once instead of failing on the key.
     */
    public Uni<Void> lockProvisioning(LockScope scope, String issuer, String key) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))")
                        .setParameter(1, scope.lockClass())
                        .setParameter(2, issuer + "\n" + key)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
