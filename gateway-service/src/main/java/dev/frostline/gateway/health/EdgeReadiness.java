package dev.frostline.gateway.health;

import dev.frostline.gateway.proxy.UpstreamClients;
import dev.frostline.gateway.routing.Area;
import dev.frostline.gateway.security.RevocationFeed;
import dev.frostline.gateway.security.SigningKeys;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the gateway can let authenticated traffic through: identity's signing keys have been
 * fetched at least once and identity answers HTTP. Other services being down does not make the
 * gateway unready: it answers 503 for their area and keeps serving the rest. Nor does the revocation
 * feed: when it fails, the revocations known stay in force (its last poll is shown for operators).
 */
@Readiness
@ApplicationScoped
public class EdgeReadiness implements AsyncHealthCheck {

    /** Any HTTP answer proves identity is reachable; this path is cheap on every Quarkus service. */
    static final String PROBE_PATH = "/q/health/live";

    private final SigningKeys keys;
    private final RevocationFeed revocations;
    private final UpstreamClients clients;

    public EdgeReadiness(SigningKeys keys, RevocationFeed revocations, UpstreamClients clients) {
        this.keys = keys;
        this.revocations = revocations;
        this.clients = clients;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(() -> identityAnswers().toCompletionStage())
                .map(identityReachable -> HealthCheckResponse.named("access-token verification")
                        .status(keys.loaded() && identityReachable)
                        .withData("jwksLoaded", keys.loaded())
                        .withData("signingKeys", keys.size())
                        .withData("jwksFetchedAt", keys.lastFetched().map(Object::toString).orElse("never"))
                        .withData("identityReachable", identityReachable)
                        .withData("revocationsPolledAt", revocations.lastPolled().map(Object::toString).orElse("never"))
                        .build());
    }

    private Future<Boolean> identityAnswers() {
        return clients.http()
                .request(clients.request(Area.IDENTITY, PROBE_PATH)
                        .setMethod(HttpMethod.GET)
                        .setIdleTimeout(clients.policy(Area.IDENTITY).connectTimeout().toMillis()))
                .compose(request -> request.send())
                .compose(response -> response.body())
                .map(body -> true)
                .otherwise(false);
    }
}
