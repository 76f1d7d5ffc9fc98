package dev.frostline.identity.service;

import dev.frostline.contracts.Role;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.identity.account.EmailAddress;
import dev.frostline.identity.account.Membership;
import dev.frostline.identity.account.Organization;
import dev.frostline.identity.account.PasswordPolicy;
import dev.frostline.identity.account.User;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.messaging.MemberPublisher;
import dev.frostline.identity.repository.MembershipRepository;
import dev.frostline.identity.repository.OrganizationRepository;
import dev.frostline.identity.repository.UserRepository;
import dev.frostline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Creates a user, their organization and their owner membership, all or nothing. */
@ApplicationScoped
public class SigningUp {

    public static final ProblemType EMAIL_TAKEN = new ProblemType("email-taken", "Email already registered", 409);

    public record Command(String email, String password, String displayName, String organizationName) {
    }

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final PasswordHasher hasher;
    private final RotatingRefreshTokens tokens;
    private final AuditTrail audit;
    private final MemberPublisher members;

    public SigningUp(UserRepository users, OrganizationRepository organizations, MembershipRepository memberships,
            PasswordHasher hasher, RotatingRefreshTokens tokens, AuditTrail audit, MemberPublisher members) {
        this.members = members;
        this.users = users;
        this.organizations = organizations;
        this.memberships = memberships;
        this.hasher = hasher;
        this.tokens = tokens;
        this.audit = audit;
    }

    public Uni<RotatingRefreshTokens.SessionTokens> signUp(Command command) {
        String email = EmailAddress.normalize(command.email());
        PasswordPolicy.check(command.password());
        // Hash before the transaction: no connection is held while bcrypt runs.
        return hasher.hash(command.password()).chain(hash -> Panache.withTransaction(() -> users.findByEmail(email)
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(new ProblemException(EMAIL_TAKEN,
                                "An account with this email exists. Sign in instead, or reset the password."));
                    }
                    Instant now = Instant.now();
                    User user = new User();
                    user.id = UUID.randomUUID();
                    user.email = email;
                    user.passwordHash = hash;
                    user.displayName = command.displayName();
                    user.createdAt = now;
                    Organization org = new Organization();
                    org.id = UUID.randomUUID();
                    org.name = command.organizationName().trim();
                    org.createdAt = now;
                    Membership owner = new Membership();
                    owner.userId = user.id;
                    owner.orgId = org.id;
                    owner.role = Role.OWNER;
                    owner.createdAt = now;
                    return users.persist(user)
                            .chain(() -> organizations.persist(org))
                            .chain(() -> memberships.persist(owner))
                            .chain(() -> members.changed(owner, user))
                            .chain(() -> audit.record(AuditEntry.of(AuditAction.SIGNED_UP, org.id, user.id).target(user.id)))
                            .chain(() -> tokens.startFamily(user, owner));
                })));
    }
}
