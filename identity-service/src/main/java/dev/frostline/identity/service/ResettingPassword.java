package dev.frostline.identity.service;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.identity.account.EmailAddress;
import dev.frostline.identity.account.PasswordPolicy;
import dev.frostline.identity.account.PasswordResetToken;
import dev.frostline.identity.account.User;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.config.AccountLinksConfig;
import dev.frostline.identity.mail.AccountMails;
import dev.frostline.identity.messaging.MailOutbox;
import dev.frostline.identity.refresh.RefreshTokenSecret;
import dev.frostline.identity.repository.PasswordResetTokenRepository;
import dev.frostline.identity.repository.RefreshTokenRepository;
import dev.frostline.identity.repository.UserRepository;
import dev.frostline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The forgotten-password flow. A request answers the same whether or not the email has an account,
 * and does comparable work either way (a lookup and an audit row in one transaction), so neither
 * the answer nor its timing tells who has an account. A reset token is 256 random bits, stored as
 * its SHA-256, valid once and briefly; using one also invalidates the user's other reset tokens
 * and ends all their sessions.
 */
@ApplicationScoped
public class ResettingPassword {

    public static final ProblemType INVALID_RESET_TOKEN =
            new ProblemType("invalid-reset-token", "Invalid password reset token", 400);

    private final UserRepository users;
    private final PasswordResetTokenRepository resetTokens;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final MailOutbox mail;
    private final AuditTrail audit;
    private final AccountLinksConfig links;

    public ResettingPassword(UserRepository users, PasswordResetTokenRepository resetTokens,
            RefreshTokenRepository refreshTokens, PasswordHasher hasher, MailOutbox mail, AuditTrail audit,
            AccountLinksConfig links) {
        this.users = users;
        this.resetTokens = resetTokens;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.mail = mail;
        this.audit = audit;
        this.links = links;
    }

    public Uni<Void> request(String rawEmail) {
        String email = EmailAddress.normalize(rawEmail);
        // Generated either way, so an unknown email costs the same as a known one.
        String token = RefreshTokenSecret.generate();
        String tokenHash = RefreshTokenSecret.hash(token);
        return Panache.withTransaction(() -> users.findByEmail(email).chain(user -> user == null
                ? audit.record(AuditEntry.of(AuditAction.PASSWORD_RESET_REQUESTED, null, null)
                        .detail("outcome", "unknown-email"))
                : issue(user, token, tokenHash)));
    }

    public Uni<Void> reset(String token, String newPassword) {
        PasswordPolicy.check(newPassword);
        String tokenHash = RefreshTokenSecret.hash(token);
        return hasher.hash(newPassword).chain(passwordHash -> Panache.withTransaction(() -> resetTokens
                .findByHashForUpdate(tokenHash)
                .chain(found -> {
                    Instant now = Instant.now();
                    if (found == null || !found.usableAt(now)) {
                        return Uni.createFrom().failure(new ProblemException(INVALID_RESET_TOKEN,
                                "This reset link is invalid, already used or expired. Request a new one."));
                    }
                    // Bulk updates only: the loaded token stays unmodified, so nothing stale is flushed.
                    return resetTokens.useAllOfUser(found.userId, now)
                            .chain(() -> users.update("passwordHash = ?1 where id = ?2", passwordHash, found.userId))
                            .chain(() -> refreshTokens.revokeAllOfUser(found.userId, now))
                            .chain(() -> audit.record(AuditEntry.of(AuditAction.PASSWORD_RESET, null, found.userId)
                                    .target(found.userId)));
                })));
    }

    private Uni<Void> issue(User user, String token, String tokenHash) {
        PasswordResetToken reset = new PasswordResetToken();
        reset.id = UUID.randomUUID();
        reset.userId = user.id;
        reset.tokenHash = tokenHash;
        reset.createdAt = Instant.now();
        reset.expiresAt = reset.createdAt.plus(links.passwordResetTtl());
        return resetTokens.persist(reset)
                .chain(() -> mail.enqueue(user.email,
                        AccountMails.passwordReset(links.publicUrl(), token, links.passwordResetTtl())))
                .chain(() -> audit.record(AuditEntry.of(AuditAction.PASSWORD_RESET_REQUESTED, null, null)
                        .target(user.id)));
    }
}
