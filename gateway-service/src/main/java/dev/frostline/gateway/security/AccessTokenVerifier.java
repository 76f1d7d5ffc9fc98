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
 * Checks an access token at the edge. A token claiming another issuer is exchanged at identity
 * first (see {@link TokenExchange}) and the Frostline token it yields is checked instead.
 * A Frostline token is checked for: RS256 signature against identity's JWKS, issuer, audience,
 * expiry and not-before (by smallrye-jwt, with the configured clock skew), then what smallrye-jwt
 * leaves out: an issue time in the future, a lifetime longer than Frostline ever issues.
 * Services check the token again; this only spares them traffic that can never be authorized.
 * Runs on the event loop: no I/O except the rare JWKS refresh, which is asynchronous.
 * <p>
 * A verified token is remembered until its expiry (bounded, least recently used first out), because
 * a client sends the same token for up to 15 minutes and parsing plus the RS256 check were the
 * largest share of the gateway's CPU per request. What can change during a token's life is still
 * checked on every request: revocation (a deleted user). A signature, issuer, audience and expiry
 * cannot change, and the entry never outlives {@code exp}.
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
    private final TokenExchange exchange;
    private final String issuer;
    private final ExpiringCache<String, JsonWebToken> verifiedTokens;

    public AccessTokenVerifier(JWTParser parser, SigningKeys keys, ObjectMapper json, JWTAuthContextInfo jwtConfig,
            GatewayConfig config, RevocationFeed revocations, TokenExchange exchange) {
        this.parser = parser;
        this.keys = keys;
        this.revocations = revocations;
        this.exchange = exchange;
        this.issuer = jwtConfig.getIssuedBy();
        this.json = json;
        this.clockSkew = Duration.ofSeconds(jwtConfig.getClockSkew());
        this.maxLifetime = config.accessTokens().maxLifetime();
        this.verifiedTokens = new ExpiringCache<>(config.accessTokens().verifiedCacheSize());
    }

    public Future<TokenCheck> check(String token) {
        if (token == null) {
            return Future.succeededFuture(new TokenCheck.Rejected("A bearer access token is required."));
        }
        Instant now = Instant.now();
        Optional<JsonWebToken> remembered = verifiedTokens.get(token, now);
        if (remembered.isPresent()) {
            return Future.succeededFuture(notRevoked(remembered.get()));
        }
        Optional<UnverifiedJwt> unverified = UnverifiedJwt.parse(token, json);
        if (unverified.isEmpty()) {
            return Future.succeededFuture(invalid());
        }
        if (exchange.enabled() && isFromAnotherIssuer(unverified.get())) {
            return exchange.exchange(token, unverified.get().expiresAt()).compose(this::checkExchanged);
        }
        return checkFrostlineToken(token, unverified.get());
    }

    /** Only the claimed issuer decides the path: identity verifies external tokens, this class Frostline's. */
    private boolean isFromAnotherIssuer(UnverifiedJwt unverified) {
        return unverified.issuer().filter(claimed -> !claimed.equals(issuer)).isPresent();
    }

    private Future<TokenCheck> checkExchanged(TokenExchange.Outcome outcome) {
        if (outcome instanceof TokenExchange.Outcome.Exchanged exchanged) {
            String accessToken = exchanged.accessToken();
            Optional<UnverifiedJwt> unverified = UnverifiedJwt.parse(accessToken, json);
            if (unverified.isEmpty()) {
                return Future.succeededFuture(invalid());
            }
            // Verified like any Frostline token (revocations included), then forwarded in place of the external one.
            return checkFrostlineToken(accessToken, unverified.get()).map(check -> check instanceof TokenCheck.Valid valid
                    ? new TokenCheck.Valid(valid.token(), Optional.of(accessToken))
                    : check);
        }
        if (outcome instanceof TokenExchange.Outcome.Refused refused) {
            return Future.succeededFuture(new TokenCheck.Rejected(refused.detail()));
        }
        return Future.succeededFuture(new TokenCheck.IdentityUnavailable());
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
        Instant now = Instant.now();
        if (!hasPlausibleTimes(verified, now)) {
            return invalid();
        }
        verifiedTokens.put(token, verified, Instant.ofEpochSecond(verified.getExpirationTime()), now);
        return notRevoked(verified);
    }

    private TokenCheck notRevoked(JsonWebToken verified) {
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
