package dev.frostline.identity.external;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.identity.config.ExternalIssuersConfig;
import dev.frostline.support.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;

/**
 * Verifies an access token of a configured external issuer: signature (RS256 or ES256, key from
 * that issuer's JWKS), {@code iss}, {@code exp}, {@code nbf} and, if configured, {@code aud}; then
 * reads its claims through the issuer's mapping. Every refusal is the same 401 problem as any other
 * bad token; only an issuer whose keys could never be fetched answers 503.
 */
@ApplicationScoped
public class ExternalTokenVerifier {

    /** Tolerated difference between the issuer's clock and ours, for exp and nbf. */
    private static final int CLOCK_SKEW_SECONDS = 30;

    /** Reads the header and claims only, to learn the issuer and kid; nothing read here is trusted. */
    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder()
            .setSkipAllValidators()
            .setDisableRequireSignature()
            .setSkipSignatureVerification()
            .build();

    /** @param provision whether a user or organization seen for the first time may be created */
    public record VerifiedToken(ExternalClaims claims, boolean provision) {
    }

    private final HttpClient client;
    private final Map<String, TrustedIssuer> byIssuer;

    public ExternalTokenVerifier(ExternalIssuersConfig config, Vertx vertx) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.jwksFetchTimeout().toMillis()));
        Map<String, TrustedIssuer> issuers = new HashMap<>();
        config.issuers().forEach((name, issuer) -> {
            var claims = issuer.claims();
            ClaimMapping mapping = new ClaimMapping(claims.userId(), claims.email(), claims.org(), claims.orgName(),
                    claims.role(), new ExternalRoleMapping(issuer.roleMapping(), issuer.defaultRole()));
            IssuerKeys keys = new IssuerKeys(issuer.jwksUrl(), client, config.jwksCacheTtl(),
                    config.jwksMinRefreshInterval(), config.jwksFetchTimeout());
            if (issuers.put(issuer.issuer(), new TrustedIssuer(name, issuer.issuer(), issuer.audience(), keys, mapping,
                    issuer.provision())) != null) {
                throw new IllegalStateException("two external issuers are configured with iss " + issuer.issuer());
            }
            Log.infof("external issuer %s trusted: iss %s, keys from %s", name, issuer.issuer(), issuer.jwksUrl());
        });
        this.byIssuer = Map.copyOf(issuers);
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    public Uni<VerifiedToken> verify(String token) {
        JwtContext unverified;
        JsonWebSignature jws;
        String issuer;
        try {
            unverified = UNVERIFIED.process(token);
            List<JsonWebStructure> structures = unverified.getJoseObjects();
            if (structures.size() != 1 || !(structures.get(0) instanceof JsonWebSignature signature)) {
                return refuse("it is not a signed JWT");
            }
            jws = signature;
            issuer = unverified.getJwtClaims().getIssuer();
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            return refuse("it is not a well-formed JWT");
        }
        TrustedIssuer trusted = issuer == null ? null : byIssuer.get(issuer);
        if (trusted == null) {
            return refuse("its issuer is not a trusted external issuer");
        }
        Optional<IssuerKeys.Algorithm> algorithm = IssuerKeys.Algorithm.of(jws.getAlgorithmHeaderValue());
        if (algorithm.isEmpty()) {
            return refuse("only RS256 and ES256 signatures are accepted");
        }
        return trusted.keys().keyFor(jws.getKeyIdHeaderValue(), algorithm.get()).chain(lookup -> {
            if (lookup instanceof IssuerKeys.Lookup.Found found) {
                return check(unverified, trusted, algorithm.get(), found.key());
            }
            if (lookup instanceof IssuerKeys.Lookup.Unavailable) {
                Log.warnf("external token of %s refused: its JWKS could not be fetched", trusted.name());
                return Uni.createFrom().failure(new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                        "The issuer's signing keys cannot be fetched right now. Retry in a few seconds."));
            }
            return refuse("it is not signed by a key of its issuer");
        });
    }

    private Uni<VerifiedToken> check(JwtContext unverified, TrustedIssuer trusted, IssuerKeys.Algorithm algorithm,
            PublicKey key) {
        JwtConsumerBuilder rules = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setExpectedIssuer(trusted.issuer())
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithm.name());
        trusted.audience().ifPresentOrElse(rules::setExpectedAudience, rules::setSkipDefaultAudienceValidation);
        try {
            rules.build().processContext(unverified);
            JwtClaims claims = unverified.getJwtClaims();
            Instant expiresAt = Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis());
            if (!expiresAt.isAfter(Instant.now())) {
                return refuse("it has expired");
            }
            return Uni.createFrom().item(new VerifiedToken(
                    trusted.claims().read(trusted.issuer(), claims.getClaimsMap(), expiresAt), trusted.provision()));
        } catch (InvalidJwtException e) {
            Log.debugf("external token of %s refused: %s", trusted.name(), e.getMessage());
            if (e.hasExpired()) {
                return refuse("it has expired");
            }
            if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                return refuse("it was issued for another audience");
            }
            if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
                return refuse("it is not valid yet");
            }
            return refuse("its signature or claims are not valid");
        } catch (ClaimMapping.MissingClaimException e) {
            return refuse(e.getMessage());
        } catch (MalformedClaimException e) {
            return refuse("its exp claim is not a number");
        }
    }

    private static <T> Uni<T> refuse(String why) {
        return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHENTICATED,
                "The subject token is not accepted: " + why + "."));
    }
}
