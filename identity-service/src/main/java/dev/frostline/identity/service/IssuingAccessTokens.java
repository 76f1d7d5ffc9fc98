package dev.frostline.identity.service;

import dev.frostline.identity.account.Membership;
import dev.frostline.identity.account.User;
import dev.frostline.identity.config.IdentityConfig;
import dev.frostline.support.security.TokenClaims;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Signs the access token of one user acting in one organization. */
@ApplicationScoped
public class IssuingAccessTokens {

    public record IssuedToken(String accessToken, long expiresInSeconds, UUID userId, UUID orgId, String role) {
    }

    private final SigningKeys keys;
    private final IdentityConfig config;

    public IssuingAccessTokens(SigningKeys keys, IdentityConfig config) {
        this.keys = keys;
        this.config = config;
    }

    public Uni<IssuedToken> issue(User user, Membership membership) {
        return issue(user, membership, null);
    }

    /** @param notAfter the latest expiry allowed (that of an exchanged external token); null for none */
    public Uni<IssuedToken> issue(User user, Membership membership, Instant notAfter) {
        return keys.signingKey().map(key -> {
            Instant now = Instant.now();
            Instant expiresAt = now.plus(config.accessTokenTtl());
            if (notAfter != null && notAfter.isBefore(expiresAt)) {
                expiresAt = notAfter;
            }
            String token = Jwt.issuer(config.issuer())
                    .audience(config.audience())
                    .subject(user.id.toString())
                    .upn(user.email)
                    .claim(TokenClaims.EMAIL, user.email)
                    .claim(TokenClaims.ORG, membership.orgId.toString())
                    .claim(TokenClaims.ROLE, membership.role.claimValue())
                    .groups(membership.role.impliedClaimValues())
                    .issuedAt(now)
                    .expiresAt(expiresAt)
                    .jws().keyId(key.kid()).algorithm(SignatureAlgorithm.RS256)
                    .sign(key.privateKey());
            return new IssuedToken(token, Duration.between(now, expiresAt).toSeconds(), user.id, membership.orgId,
                    membership.role.claimValue());
        });
    }
}
