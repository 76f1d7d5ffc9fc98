package dev.frostline.realtime.socket;

import dev.frostline.contracts.Role;
import dev.frostline.support.security.Caller;
import dev.frostline.support.security.TokenClaims;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Admits an upgrade only for a verified Frostline access token that names a user, an org and a role,
 * and hands that {@link Caller} to the connection. A missing, invalid or expired token, or one without
 * those claims, is answered 401 on the upgrade request: no socket is ever opened for it.
 */
@ApplicationScoped
public class CallerUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<Caller> CALLER = new UserData.TypedKey<>("frostline.caller");
    /** When the caller's token expires; the socket must not outlive it. */
    static final UserData.TypedKey<Instant> TOKEN_EXPIRES_AT = new UserData.TypedKey<>("frostline.token-expires-at");

    private static final Map<String, List<String>> CHALLENGE = Map.of("WWW-Authenticate", List.of("Bearer"));

    @Override
    public boolean appliesTo(String endpointId) {
        return RealtimeSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return context.securityIdentity()
                .map(identity -> callerOf(identity)
                        .map(caller -> {
                            context.userData().put(CALLER, caller);
                            expiryOf(identity).ifPresent(expiresAt -> context.userData().put(TOKEN_EXPIRES_AT, expiresAt));
                            return CheckResult.permitUpgradeSync();
                        })
                        .orElseGet(CallerUpgradeCheck::unauthorized))
                // A token that fails verification surfaces as a failed identity.
                .onFailure().recoverWithItem(failure -> unauthorized());
    }

    private static CheckResult unauthorized() {
        return CheckResult.rejectUpgradeSync(401, CHALLENGE);
    }

    private static Optional<Instant> expiryOf(SecurityIdentity identity) {
        long exp = ((JsonWebToken) identity.getPrincipal()).getExpirationTime();
        return exp > 0 ? Optional.of(Instant.ofEpochSecond(exp)) : Optional.empty();
    }

    /** Reads the claims exactly as {@code CurrentCaller} does for REST resources. */
    static Optional<Caller> callerOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getSubject() == null) {
            return Optional.empty();
        }
        try {
            String org = jwt.getClaim(TokenClaims.ORG);
            String role = jwt.getClaim(TokenClaims.ROLE);
            return Optional.of(new Caller(UUID.fromString(jwt.getSubject()), UUID.fromString(org),
                    Role.fromClaim(role), jwt.getClaim(TokenClaims.EMAIL)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
