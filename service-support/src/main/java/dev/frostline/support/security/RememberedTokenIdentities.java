package dev.frostline.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once and remembers the identity it yields until the token expires.
 * <p>
 * A client sends the same access token for its whole life (about 15 minutes), and verifying it
 * (parsing, RS256, and with remote keys a hop to a worker thread) was a large share of a small
 * request's cost. Nothing that decides a token's validity can change before it expires: signature,
 * issuer, audience, expiry. Checks that can change (identity's check that the user still exists) are
 * {@code SecurityIdentityAugmentor}s, which Quarkus applies after this provider on every request, to
 * remembered identities too.
 * <p>
 * Tried before smallrye-jwt's own validator, to which it delegates on a miss; a token that fails is
 * not remembered.
 */
@ApplicationScoped
public class RememberedTokenIdentities implements IdentityProvider<TokenAuthenticationRequest> {

    private final MpJwtValidator validator;
    private final Cache<String, SecurityIdentity> identities;

    public RememberedTokenIdentities(MpJwtValidator validator, AuthConfig config) {
        this.validator = validator;
        this.identities = Caffeine.newBuilder()
                .maximumSize(config.verifiedTokenCacheSize())
                .expireAfter(new UntilTokenExpiry())
                .build();
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        SecurityIdentity remembered = identities.getIfPresent(token);
        if (remembered != null) {
            return Uni.createFrom().item(remembered);
        }
        return validator.authenticate(request, context).invoke(identity -> {
            if (identity != null && identity.getPrincipal() instanceof JsonWebToken) {
                identities.put(token, identity);
            }
        });
    }

    /** An entry lives until its token's {@code exp}, never longer, whatever the size bound allows. */
    private static final class UntilTokenExpiry implements Expiry<String, SecurityIdentity> {

        @Override
        public long expireAfterCreate(String token, SecurityIdentity identity, long currentTime) {
            long expiresAtMillis = ((JsonWebToken) identity.getPrincipal()).getExpirationTime() * 1000L;
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, expiresAtMillis - System.currentTimeMillis()));
        }

        @Override
        public long expireAfterUpdate(String token, SecurityIdentity identity, long currentTime, long currentDuration) {
            return expireAfterCreate(token, identity, currentTime);
        }

        @Override
        public long expireAfterRead(String token, SecurityIdentity identity, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
