package dev.frostline.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once and remembers the token it yields until the token expires.
 * <p>
 * A client sends the same access token for its whole life (about 15 minutes), and verifying it
 * (parsing and RS256) was a large share of a small request's CPU (15 % of catalog's samples in the
 * read-heavy bench). Nothing that decides a token's validity can change before it expires: signature,
 * issuer, audience, expiry. Checks that can change (identity's check that the user still exists) are
 * {@code SecurityIdentityAugmentor}s, which Quarkus applies on every request, to remembered tokens too.
 * <p>
 * It replaces smallrye-jwt's parser (an alternative) instead of sitting in front of its identity
 * provider: an {@code IdentityProvider} of our own, even at the highest priority, was never consulted
 * by the HTTP authentication of Quarkus 3.32 (a counter like the ones below stayed at zero). A token
 * that fails verification is not remembered.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RememberingJwtParser extends DefaultJWTParser {

    private final Cache<String, JsonWebToken> tokens;
    private final Counter rememberedTokens;
    private final Counter verifiedTokens;

    @Inject
    public RememberingJwtParser(AuthConfig config, MeterRegistry registry) {
        this.tokens = Caffeine.newBuilder()
                .maximumSize(config.verifiedTokenCacheSize())
                .expireAfter(new UntilTokenExpiry())
                .build();
        this.rememberedTokens = tokenCounter(registry, "remembered");
        this.verifiedTokens = tokenCounter(registry, "verified");
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken remembered = tokens.getIfPresent(token);
        if (remembered != null) {
            rememberedTokens.increment();
            return remembered;
        }
        JsonWebToken verified = super.parse(token);
        verifiedTokens.increment();
        tokens.put(token, verified);
        return verified;
    }

    private static Counter tokenCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("frostline.auth.bearer.tokens")
                .description("Bearer tokens accepted: remembered from an earlier verification, or verified now")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** An entry lives until its token's {@code exp}, never longer, whatever the size bound allows. */
    private static final class UntilTokenExpiry implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            long expiresAtMillis = jwt.getExpirationTime() * 1000L;
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, expiresAtMillis - System.currentTimeMillis()));
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
