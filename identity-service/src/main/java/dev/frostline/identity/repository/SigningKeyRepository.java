package dev.frostline.identity.repository;

import dev.frostline.identity.signing.SigningKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, String> {

    /** Newest first: the first one signs, all of them verify. */
    public Uni<List<SigningKey>> listActive() {
        return list("retiredAt is null order by createdAt desc");
    }

    /**
     * Serializes key creation across replicas for the rest of the transaction, so concurrent
     * first starts agree on one key instead of each publishing its own.
     */
    public Uni<Void> lockForCreation() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select pg_advisory_xact_lock(hashtext('identity.signing_keys'))")
                        .getSingleResult())
                .replaceWithVoid();
    }
}
