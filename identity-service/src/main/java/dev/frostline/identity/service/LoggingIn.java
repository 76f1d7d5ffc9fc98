package dev.frostline.identity.service;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.identity.account.EmailAddress;
import dev.frostline.identity.account.Membership;
import dev.frostline.identity.account.User;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
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
 * Attempts are throttled per account and per client address before any password is checked
 * ({@link ThrottlingLogins}); a throttled attempt costs no bcrypt work.
 */
@ApplicationScoped
public class LoggingIn {

    public static final ProblemType INVALID_CREDENTIALS = new ProblemType("invalid-credentials", "Invalid credentials", 401);

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final PasswordHasher hasher;
    private final RotatingRefreshTokens tokens;
    private final ThrottlingLogins throttle;
    private final ClientAddress clientAddress;
    private final AuditTrail audit;

    public LoggingIn(UserRepository users, MembershipRepository memberships, PasswordHasher hasher,
            RotatingRefreshTokens tokens, ThrottlingLogins throttle, ClientAddress clientAddress, AuditTrail audit) {
        this.users = users;
        this.memberships = memberships;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
        this.audit = audit;
    }

    /** @param orgId the organization to act in; null picks the user's first membership */
    @WithSession
    public Uni<RotatingRefreshTokens.SessionTokens> logIn(String rawEmail, String password, UUID orgId) {
        String email;
        try {
            email = EmailAddress.normalize(rawEmail);
        } catch (ProblemException e) {
            email = rawEmail == null ? "" : rawEmail;
        }
        String lookup = email;
        ThrottlingLogins.Attempt attempt = new ThrottlingLogins.Attempt(email, clientAddress.current());
        return throttle.check(attempt)
                .chain(() -> users.findByEmail(lookup))
                .chain(user -> hasher.matches(password == null ? "" : password, user == null ? null : user.passwordHash)
                        .chain(ok -> ok
                                ? startSession(user, orgId, attempt)
                                : throttle.recordFailure(attempt, user).chain(() -> Uni.createFrom().failure(invalid()))));
    }

    /** The right password but no such membership: not counted as a guess, and answered like one. */
    private Uni<RotatingRefreshTokens.SessionTokens> startSession(User user, UUID orgId, ThrottlingLogins.Attempt attempt) {
        return memberships.listOfUser(user.id).chain(list -> {
            Membership chosen = choose(list, orgId);
            if (chosen == null) {
                return Uni.createFrom().failure(invalid());
            }
            return Panache.withTransaction(() -> throttle.recordSuccess(attempt)
                    .chain(() -> audit.record(AuditEntry.of(AuditAction.LOGIN_SUCCEEDED, chosen.orgId, user.id)
                            .target(user.id)))
                    .chain(() -> tokens.startFamily(user, chosen)));
        });
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
