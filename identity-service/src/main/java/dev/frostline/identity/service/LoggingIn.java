package dev.frostline.identity.service;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.identity.account.EmailAddress;
import dev.frostline.identity.account.Membership;
import dev.frostline.identity.repository.MembershipRepository;
import dev.frostline.identity.repository.UserRepository;
import dev.frostline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Exchanges email and password for an access token and the first refresh token of a new family. An unknown email and a wrong password get the
 * same answer after the same bcrypt work, so the endpoint does not reveal who has an account.
 */
@ApplicationScoped
public class LoggingIn {

    public static final ProblemType INVALID_CREDENTIALS = new ProblemType("invalid-credentials", "Invalid credentials", 401);

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final PasswordHasher hasher;
    private final RotatingRefreshTokens tokens;

    public LoggingIn(UserRepository users, MembershipRepository memberships, PasswordHasher hasher,
            RotatingRefreshTokens tokens) {
        this.users = users;
        this.memberships = memberships;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    /** @param orgId the organization to act in; null picks the user's first membership */
    @WithSession
    public Uni<RotatingRefreshTokens.SessionTokens> logIn(String rawEmail, String password, UUID orgId) {
        String email;
        try {
            email = EmailAddress.normalize(rawEmail);
        } catch (ProblemException e) {
            email = "";
        }
        return users.findByEmail(email).chain(user -> hasher
                .matches(password == null ? "" : password, user == null ? null : user.passwordHash)
                .chain(ok -> {
                    if (!ok) {
                        return Uni.createFrom().failure(invalid());
                    }
                    return memberships.listOfUser(user.id).chain(list -> {
                        Membership chosen = choose(list, orgId);
                        return chosen == null
                                ? Uni.createFrom().failure(invalid())
                                : Panache.withTransaction(() -> tokens.startFamily(user, chosen));
                    });
                }));
    }

    private static Membership choose(List<Membership> memberships, UUID orgId) {
        return memberships.stream()
                .filter(m -> orgId == null || m.orgId.equals(orgId))
                .findFirst()
                .orElse(null);
    }

    private static ProblemException invalid() {
        return new ProblemException(INVALID_CREDENTIALS, "The email, password or organization is not correct.");
    }
}
