package dev.frostline.identity.repository;

import dev.frostline.identity.account.User;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    /** {@code email} must already be normalized. */
    public Uni<User> findByEmail(String email) {
        return find("email", email).firstResult();
    }
}
