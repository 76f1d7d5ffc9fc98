package dev.frostline.identity.catalog;

import dev.frostline.identity.config.CatalogApiConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * Asks catalog-service, over its public API, whether a site exists in the caller's org. identity
 * never reads catalog's tables: catalog alone decides what a site is and who may see it, and it
 * answers 404 for another org's site exactly as for a missing one, so the caller's own token is
 * forwarded and tenancy is catalog's to enforce.
 *
 * <p>Non-blocking (Vert.x client). A failed or slow look-up is retried once, then reported as
 * {@link CatalogUnavailableException}; nothing is guessed from a failure.
 */
@ApplicationScoped
public class CatalogSites {

    /** What catalog said about a site. */
    public enum SiteLookup {
        FOUND,
        NOT_FOUND
    }

    static final String SITES_PATH = "/api/catalog/sites/";

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    public CatalogSites(Vertx vertx, CatalogApiConfig config) {
        this.base = config.url();
        this.timeout = config.timeout();
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setName("frostline-catalog")
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(true));
    }

    /**
     * @param authorization the caller's {@code Authorization} header, forwarded as is
     * @return the answer, completed on the caller's Vert.x context so a transaction can follow it
     */
    public Uni<SiteLookup> lookUp(UUID siteId, String authorization) {
        Context caller = io.vertx.core.Vertx.currentContext();
        Uni<SiteLookup> answer = Uni.createFrom().deferred(() -> ask(siteId, authorization))
                .ifNoItem().after(timeout).failWith(() -> new CatalogUnavailableException("no answer within " + timeout))
                // One quick retry rides out a restarting replica; a GET changes nothing, so it is safe.
                .onFailure(CatalogUnavailableException.class).retry().withBackOff(Duration.ofMillis(100)).atMost(1)
                .onFailure(e -> !(e instanceof CatalogUnavailableException))
                .transform(e -> new CatalogUnavailableException(e.toString()))
                .onFailure().invoke(e -> Log.warnf("catalog-service site look-up failed: %s", e.getMessage()));
        return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private Uni<SiteLookup> ask(UUID siteId, String authorization) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(base.resolve(SITES_PATH + siteId).toString())
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .setIdleTimeout(timeout.toMillis());
        if (authorization != null) {
            request.putHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.request(request)
                .chain(r -> r.send())
                // The body is read (and dropped) so the pooled connection is free for the next request.
                .chain(response -> response.body().map(ignored -> response.statusCode()))
                .onFailure().transform(e -> new CatalogUnavailableException(e.toString()))
                .map(status -> switch (status) {
                    case 200 -> SiteLookup.FOUND;
                    case 404 -> SiteLookup.NOT_FOUND;
                    default -> throw new CatalogUnavailableException("catalog-service answered " + status);
                });
    }

    @PreDestroy
    void close() {
        http.closeAndForget();
    }
}
