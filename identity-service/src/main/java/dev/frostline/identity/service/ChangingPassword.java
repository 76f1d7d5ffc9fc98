package dev.frostline.identity.service;

import dev.frostline.identity.account.PasswordPolicy;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.repository.RefreshTokenRepository;
import dev.frostline.identity.repository.UserRepository;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * A signed-in user sets a new password by proving the current one. Every refresh-token family of
 * the user is revoked, this session's included: other devices are signed out at their next refresh,
 * and this one keeps its access token until it expires, then signs in again.
 */
@ApplicationScoped
public class ChangingPassword {

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final AuditTrail audit;

    public ChangingPassword(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
            AuditTrail audit) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.audit = audit;
    }

    public Uni<Void> change(Caller caller, String currentPassword, String newPassword) {
        PasswordPolicy.check(newPassword);
        return Panache.withSession(() -> users.findById(caller.userId()))
                .chain(user -> hasher.matches(currentPassword, user == null ? null : user.passwordHash))
                .chain(ok -> ok ? hasher.hash(newPassword) : Uni.createFrom().failure(wrongPassword()))
                // bcrypt ran with no transaction open; the writes are one short transaction.
                .chain(hash -> Panache.withTransaction(() -> {
                    Instant now = Instant.now();
                    return users.update("passwordHash = ?1 where id = ?2", hash, caller.userId())
                            .chain(() -> refreshTokens.revokeAllOfUser(caller.userId(), now))
                            .chain(() -> audit.record(AuditEntry.of(AuditAction.PASSWORD_CHANGED, caller.orgId(),
                                    caller.userId()).target(caller.userId())));
                }));
    }

    private static ProblemException wrongPassword() {
        return new ProblemException(LoggingIn.INVALID_CREDENTIALS, "The current password is not correct.");
    }
}
