package dev.frostline.identity.catalog;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for catalog-service's {@code GET /api/catalog/sites/{id}}: 200 for
 * {@link #SITE}, 500 for {@link #BROKEN_SITE}, no answer at all for {@link #SILENT_SITE}, 404 for any
 * other ID, and 401 (as catalog would) when the caller's Authorization header was not forwarded.
 */
public class CatalogStub implements QuarkusTestResourceLifecycleManager {

    public static final UUID SITE = UUID.fromString("5a1e0000-0000-4000-8000-000000000001");
    public static final UUID BROKEN_SITE = UUID.fromString("5a1e0000-0000-4000-8000-000000000500");
    public static final UUID SILENT_SITE = UUID.fromString("5a1e0000-0000-4000-8000-000000000408");

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            if (!path.startsWith(CatalogSites.SITES_PATH)) {
                request.response().setStatusCode(404).end();
                return;
            }
            String id = path.substring(CatalogSites.SITES_PATH.length());
            String authorization = request.getHeader("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                request.response().setStatusCode(401).end();
            } else if (id.equals(SITE.toString())) {
                request.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .end("{\"id\":\"" + id + "\",\"name\":\"Main kitchen\",\"timeZone\":\"Europe/Berlin\"}");
            } else if (id.equals(BROKEN_SITE.toString())) {
                request.response().setStatusCode(500).end();
            } else if (!id.equals(SILENT_SITE.toString())) {
                request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"urn:frostline:problem:not-found\",\"status\":404}");
            }
            // SILENT_SITE: never answered, like a catalog that hangs.
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("catalog stub did not start", e);
        }
        return Map.of(
                "frostline.catalog-api.url", "http://127.0.0.1:" + server.actualPort(),
                "frostline.catalog-api.timeout", "PT1S");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
