package dev.frostline.gateway.docs;

import dev.frostline.gateway.config.GatewayConfig;
import dev.frostline.gateway.proxy.UpstreamClients;
import dev.frostline.gateway.routing.Area;
import dev.frostline.gateway.security.CallerContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each service's own OpenAPI document, fetched from its /q/openapi with the non-blocking client and
 * reused for {@code cache-ttl}. A service that does not answer yields no document (retried after
 * {@code unavailable-retry}); concurrent readers share one fetch.
 */
@ApplicationScoped
public class UpstreamOpenApi {

    static final String PATH = "/q/openapi?format=json";

    private record Fetch(Future<Optional<JsonNode>> document, long startedNanos) {
    }

    private final UpstreamClients clients;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final Map<Area, Fetch> fetches = new ConcurrentHashMap<>();

    public UpstreamOpenApi(UpstreamClients clients, GatewayConfig config, ObjectMapper json) {
        this.clients = clients;
        this.config = config;
        this.json = json;
    }

    /** Completes on the caller's context; never fails (a missing document is empty). */
    public Future<Optional<JsonNode>> of(Area area) {
        long now = System.nanoTime();
        Fetch current = fetches.compute(area, (key, known) -> known != null && stillGood(known, now)
                ? known
                : new Fetch(fetch(area), now));
        return CallerContext.resumeOnCaller(current.document());
    }

    private boolean stillGood(Fetch fetch, long now) {
        if (!fetch.document().isComplete()) {
            return true;
        }
        boolean had = fetch.document().result().isPresent();
        long ttl = (had ? config.docs().cacheTtl() : config.docs().unavailableRetry()).toNanos();
        return now - fetch.startedNanos() < ttl;
    }

    private Future<Optional<JsonNode>> fetch(Area area) {
        return clients.http()
                .request(clients.call(area, PATH)
                        .setMethod(HttpMethod.GET)
                        .putHeader(HttpHeaders.ACCEPT, "application/json"))
                .compose(request -> request.send())
                .compose(UpstreamClients::bodyIfOk)
                .map(body -> {
                    try {
                        JsonNode document = json.readTree(body.getBytes());
                        return document != null && document.isObject() && document.has("openapi")
                                ? Optional.of(document)
                                : Optional.<JsonNode>empty();
                    } catch (java.io.IOException notJson) {
                        return Optional.<JsonNode>empty();
                    }
                })
                .otherwise(failure -> {
                    Log.debugf("OpenAPI document of %s unavailable: %s", area.displayName(), failure.toString());
                    return Optional.empty();
                });
    }
}
