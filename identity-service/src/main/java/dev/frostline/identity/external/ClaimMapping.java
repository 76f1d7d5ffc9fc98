package dev.frostline.identity.external;

import dev.frostline.identity.account.EmailAddress;
import dev.frostline.support.problem.ProblemException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reads user, email, organization and role out of one issuer's tokens. The claims are those of a
 * token whose signature, issuer, expiry and audience are already verified.
 */
public final class ClaimMapping {

    /**
     * Without an org claim every external user gets an organization of their own, keyed by this
     * marker and the subject. An issuer either has an org claim or not, so its personal keys and
     * real org claim values are never compared with each other.
     */
    static final String PERSONAL_ORG_PREFIX = "personal:";

    private final ClaimPath userId;
    private final ClaimPath email;
    private final Optional<ClaimPath> org;
    private final Optional<ClaimPath> orgName;
    private final Optional<ClaimPath> role;
    private final ExternalRoleMapping roles;

    public ClaimMapping(String userId, String email, Optional<String> org, Optional<String> orgName,
            Optional<String> role, ExternalRoleMapping roles) {
        this.userId = ClaimPath.parse(userId);
        this.email = ClaimPath.parse(email);
        this.org = org.map(ClaimPath::parse);
        this.orgName = orgName.map(ClaimPath::parse);
        this.role = role.map(ClaimPath::parse);
        this.roles = roles;
    }

    /** @throws MissingClaimException when the token lacks a claim the mapping needs */
    public ExternalClaims read(String issuer, Map<String, Object> claims, Instant expiresAt) {
        String subject = userId.findText(claims).orElseThrow(() -> new MissingClaimException(userId));
        String address = email.findText(claims).orElseThrow(() -> new MissingClaimException(email));
        String normalized;
        try {
            normalized = EmailAddress.normalize(address);
        } catch (ProblemException e) {
            throw new MissingClaimException(email);
        }
        String orgKey;
        String name;
        if (org.isPresent()) {
            orgKey = org.get().findText(claims).orElseThrow(() -> new MissingClaimException(org.get()));
            name = orgName.flatMap(path -> path.findText(claims)).orElse(orgKey);
        } else {
            orgKey = PERSONAL_ORG_PREFIX + subject;
            name = orgName.flatMap(path -> path.findText(claims)).orElse(normalized);
        }
        return new ExternalClaims(issuer, subject, normalized, orgKey, name,
                roles.roleFor(role.flatMap(path -> path.find(claims))), expiresAt);
    }

    /** The token is genuine but does not carry what this issuer's mapping was told to expect. */
    public static final class MissingClaimException extends RuntimeException {
        public MissingClaimException(ClaimPath path) {
            super("the token has no usable '" + path + "' claim", null, false, false);
        }
    }
}
