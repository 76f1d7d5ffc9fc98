package dev.frostline.identity.external;

import dev.frostline.contracts.Role;
import java.time.Instant;

/**
 * What a verified external token says about its holder, read through the issuer's claim mapping.
 *
 * @param issuer the token's {@code iss}, which with {@code subject} identifies the external account
 * @param orgKey the external organization, or the user's own one (see {@link ClaimMapping})
 * @param expiresAt the token's {@code exp}: the Frostline token must not outlive it
 */
public record ExternalClaims(String issuer, String subject, String email, String orgKey, String orgName, Role role,
        Instant expiresAt) {
}
