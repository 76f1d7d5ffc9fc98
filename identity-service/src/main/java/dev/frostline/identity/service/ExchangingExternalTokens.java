package dev.frostline.identity.service;

import dev.frostline.contracts.Role;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.identity.account.Membership;
import dev.frostline.identity.account.Organization;
import dev.frostline.identity.account.User;
import dev.frostline.identity.audit.AuditAction;
import dev.frostline.identity.audit.AuditEntry;
import dev.frostline.identity.audit.AuditTrail;
import dev.frostline.identity.external.ExternalClaims;
import dev.frostline.identity.external.ExternalIdentity;
import dev.frostline.identity.external.ExternalOrganization;
import dev.frostline.identity.external.ExternalTokenVerifier;
import dev.frostline.identity.external.ExternalTokenVerifier.VerifiedToken;
import dev.frostline.identity.messaging.MemberPublisher;
import dev.frostline.identity.repository.ExternalIdentityRepository;
import dev.frostline.identity.repository.ExternalIdentityRepository.LockScope;
import dev.frostline.identity.repository.ExternalOrganizationRepository;
import dev.frostline.identity.repository.MembershipRepository;
import dev.frostline.identity.repository.OrganizationRepository;
import dev.frostline.identity.repository.UserRepository;
import dev.frostline.identity.service.IssuingAccessTokens.IssuedToken;
import dev.frostline.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Exchanges a verified access token of an external issuer for a Frostline access token (no refresh
 * token: the holder exchanges a fresh external token instead), provisioning on first sight the
 * user, the organization the org claim names and the membership. On every exchange the
 * membership's role follows the issuer's role claim and the email follows its email claim.
 */
@ApplicationScoped
public class ExchangingExternalTokens {

    public static final ProblemType NOT_PROVISIONED = new ProblemType("external-account-not-provisioned",
            "External account not provisioned", 403);
    public static final ProblemType EMAIL_TAKEN = new ProblemType("external-email-taken",
            "Email belongs to another Frostline account", 409);

    private static final int MAX_ORG_NAME = 200;

    /** What exists already of one exchange's user, organization and membership; null when not. */
    private record Found(ExternalIdentity identity, ExternalOrganization org, Membership membership) {
        boolean complete() {
            return identity != null && org != null && membership != null;
        }
    }

    private record Provisioned(User user, Membership membership) {
    }

    private final ExternalTokenVerifier verifier;
    private final ExternalIdentityRepository identities;
    private final ExternalOrganizationRepository externalOrgs;
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final AuditTrail audit;
    private final IssuingAccessTokens accessTokens;
    private final MemberPublisher members;

    public ExchangingExternalTokens(ExternalTokenVerifier verifier, ExternalIdentityRepository identities,
            ExternalOrganizationRepository externalOrgs, UserRepository users, OrganizationRepository organizations,
            MembershipRepository memberships, AuditTrail audit, IssuingAccessTokens accessTokens,
            MemberPublisher members) {
        this.members = members;
        this.verifier = verifier;
        this.identities = identities;
        this.externalOrgs = externalOrgs;
        this.users = users;
        this.organizations = organizations;
        this.memberships = memberships;
        this.audit = audit;
        this.accessTokens = accessTokens;
    }

    public Uni<IssuedToken> exchange(String subjectToken) {
        return verifier.verify(subjectToken)
                .chain(verified -> Panache.withTransaction(() -> provision(verified))
                        // Signed after the commit: a token is only handed out for a user that exists.
                        .chain(done -> accessTokens.issue(done.user(), done.membership(), verified.claims().expiresAt())));
    }

    private Uni<Provisioned> provision(VerifiedToken verified) {
        ExternalClaims claims = verified.claims();
        return lookUp(claims).chain(found -> {
            if (found.complete()) {
                return Uni.createFrom().item(found);
            }
            // Something is created: take the locks (organization first, always) and look again, so
            // that concurrent first exchanges agree on one user and one organization.
            return identities.lockProvisioning(LockScope.ORGANIZATION, claims.issuer(), claims.orgKey())
                    .chain(() -> identities.lockProvisioning(LockScope.USER, claims.issuer(), claims.subject()))
                    .chain(() -> lookUp(claims));
        }).chain(found -> {
            if (!found.complete() && !verified.provision()) {
                return Uni.createFrom().failure(new ProblemException(NOT_PROVISIONED,
                        "This account has no access to Frostline yet, and its issuer is not allowed to provision "
                                + "new users or organizations. Ask an administrator."));
            }
            return user(found.identity(), claims)
                    .chain(user -> orgId(found.org(), claims, user)
                            .chain(orgId -> membership(found.membership(), user, orgId, claims))
                            .map(membership -> new Provisioned(user, membership)));
        });
    }

    private Uni<Found> lookUp(ExternalClaims claims) {
        return identities.findBySubject(claims.issuer(), claims.subject())
                .chain(identity -> externalOrgs.findByExternalId(claims.issuer(), claims.orgKey())
                        .chain(org -> identity == null || org == null
                                ? Uni.createFrom().item(new Found(identity, org, null))
                                : memberships.findOf(identity.userId, org.orgId)
                                        .map(membership -> new Found(identity, org, membership))));
    }

    private Uni<User> user(ExternalIdentity identity, ExternalClaims claims) {
        if (identity == null) {
            return emailFree(claims.email(), null).chain(() -> createUser(claims));
        }
        return users.findById(identity.userId).chain(user -> {
            if (user == null) {
                return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHENTICATED,
                        "The Frostline account of this external account was deleted."));
            }
            if (user.email.equals(claims.email())) {
                return Uni.createFrom().item(user);
            }
            return emailFree(claims.email(), user.id).invoke(() -> user.email = claims.email())
                    .call(() -> members.emailChanged(user)).replaceWith(user);
        });
    }

    /**
     * An external account never takes over a Frostline account by its email: the issuer may not
     * have verified that address, and the account's owner never agreed to the link.
     */
    private Uni<Void> emailFree(String email, UUID self) {
        return users.findByEmail(email).chain(holder -> holder == null || holder.id.equals(self)
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new ProblemException(EMAIL_TAKEN,
                        "A Frostline account already uses " + email + ". Sign in with its password, or use "
                                + "another email at your identity provider.")));
    }

    private Uni<User> createUser(ExternalClaims claims) {
        Instant now = Instant.now();
        User user = new User();
        user.id = UUID.randomUUID();
        user.email = claims.email();
        // No password: this user signs in at the issuer, and a password login can never match.
        user.passwordHash = null;
        user.createdAt = now;
        ExternalIdentity identity = new ExternalIdentity();
        identity.issuer = claims.issuer();
        identity.subject = claims.subject();
        identity.userId = user.id;
        identity.createdAt = now;
        Log.infof("provisioning user %s for subject %s of %s", user.id, claims.subject(), claims.issuer());
        return users.persist(user).chain(() -> identities.persist(identity)).replaceWith(user);
    }

    private Uni<UUID> orgId(ExternalOrganization mapped, ExternalClaims claims, User user) {
        if (mapped != null) {
            return Uni.createFrom().item(mapped.orgId);
        }
        Instant now = Instant.now();
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.name = claims.orgName().length() > MAX_ORG_NAME ? claims.orgName().substring(0, MAX_ORG_NAME) : claims.orgName();
        org.createdAt = now;
        ExternalOrganization link = new ExternalOrganization();
        link.issuer = claims.issuer();
        link.externalOrgId = claims.orgKey();
        link.orgId = org.id;
        link.createdAt = now;
        return organizations.persist(org)
                .chain(() -> externalOrgs.persist(link))
                .chain(() -> audit.record(AuditEntry.of(AuditAction.ORG_CREATED, org.id, user.id).target(org.id)
                        .detail("issuer", claims.issuer())
                        .detail("externalOrgId", claims.orgKey())))
                .replaceWith(org.id);
    }

    private Uni<Membership> membership(Membership existing, User user, UUID orgId, ExternalClaims claims) {
        if (existing == null) {
            Membership membership = new Membership();
            membership.userId = user.id;
            membership.orgId = orgId;
            membership.role = claims.role();
            membership.createdAt = Instant.now();
            return memberships.persist(membership)
                    .chain(() -> members.changed(membership, user))
                    .chain(() -> audit.record(AuditEntry.of(AuditAction.EXTERNAL_USER_PROVISIONED, orgId, user.id)
                            .target(user.id)
                            .detail("issuer", claims.issuer())
                            .detail("subject", claims.subject())
                            .detail("role", claims.role().claimValue())))
                    .replaceWith(membership);
        }
        if (existing.role == claims.role()) {
            return Uni.createFrom().item(existing);
        }
        Role previous = existing.role;
        existing.role = claims.role();
        return members.changed(existing, user).chain(() -> audit.record(AuditEntry.of(AuditAction.ROLE_CHANGED, orgId, user.id).target(user.id)
                        .detail("from", previous.claimValue())
                        .detail("to", claims.role().claimValue())
                        .detail("issuer", claims.issuer())))
                .replaceWith(existing);
    }
}
