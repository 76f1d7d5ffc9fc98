package dev.frostline.gateway.security;

import dev.frostline.gateway.config.GatewayConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Checks an access token at the edge: RS256 signature against identity's JWKS, issuer, audience,
 * expiry and not-before (by smallrye-jwt, with the configured clock skew), then what smallrye-jwt
 * leaves out: an issue time in the future, a lifetime longer than Frostline ever issues.
 * Services check the token again; this only spares them traffic that can never be authorized.
 * Runs on the event loop: no I/O except the rare JWKS refresh, which is asynchronous.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private static final String SIGNATURE_ALGORITHM = "RS256";

    private final JWTParser parser;
    private final SigningKeys keys;
    private final ObjectMapper json;
    private final Duration clockSkew;
    private final Duration maxLifetime;
    private final RevocationFeed revocations;

    public AccessTokenVerifier(JWTParser parser, SigningKeys keys, ObjectMapper json, JWTAuthContextInfo jwtConfig,
            GatewayConfig config, RevocationFeed revocations) {
        this.parser = parser;
        this.keys = keys;
        this.revocations = revocations;
        this.json = json;
        this.clockSkew = Duration.ofSeconds(jwtConfig.getClockSkew());
        this.maxLifetime = config.accessTokens().maxLifetime();
    }

    public Future<TokenCheck> check(String token) {
        if (token == null) {
            return Future.succeededFuture(new TokenCheck.Rejected("A bearer access token is required."));
        }
        Optional<UnverifiedJwt> unverified = UnverifiedJwt.parse(token, json);
        if (unverified.isEmpty()) {
            return Future.succeededFuture(invalid());
        }
        return checkFrostlineToken(token, unverified.get());
    }

    private Future<TokenCheck> checkFrostlineToken(String token, UnverifiedJwt unverified) {
        // Decided before any key is touched: an HS256 token "signed" with the public key never reaches
        // a verifier that might take that key as an HMAC secret.
        if (!SIGNATURE_ALGORITHM.equals(unverified.algorithm())) {
            return Future.succeededFuture(invalid());
        }
        return keys.keyFor(unverified.keyId()).map(lookup -> {
            if (lookup instanceof KeyLookup.Found found) {
                return verify(token, found);
            }
            // Java 17: no pattern switch; Unknown and Unavailable are the other two cases.
            return lookup instanceof KeyLookup.Unavailable ? new TokenCheck.IdentityUnavailable() : invalid();
        });
    }

    private TokenCheck verify(String token, KeyLookup.Found found) {
        JsonWebToken verified;
        try {
            verified = parser.verify(token, found.key());
        } catch (ParseException e) {
            if (e.getCause() instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return new TokenCheck.Rejected("The access token has expired. Obtain a new one from /api/identity/token.");
            }
            return invalid();
        }
        if (!hasPlausibleTimes(verified, Instant.now())) {
            return invalid();
        }
        if (revocations.isRevoked(verified.getSubject(), Instant.ofEpochSecond(verified.getIssuedAtTime()))) {
            return new TokenCheck.Rejected("The access token has been revoked. Sign in again.");
        }
        return new TokenCheck.Valid(verified, Optional.empty());
    }

    /**
     * Issued in the past (within the clock skew) and valid no longer than Frostline issues tokens for:
     * a token claiming a longer life would outlive the window in which revocations are remembered.
     */
    private boolean hasPlausibleTimes(JsonWebToken token, Instant now) {
        long issuedAt = token.getIssuedAtTime();
        long expiresAt = token.getExpirationTime();
        if (issuedAt <= 0 || expiresAt <= 0) {
            return false;
        }
        return Instant.ofEpochSecond(issuedAt).isBefore(now.plus(clockSkew).plusSeconds(1))
                && expiresAt - issuedAt <= maxLifetime.toSeconds();
    }

    private static TokenCheck invalid() {
        return new TokenCheck.Rejected("The access token is not valid: it is malformed, expired, "
                + "not signed by Frostline or issued for someone else.");
    }
}
