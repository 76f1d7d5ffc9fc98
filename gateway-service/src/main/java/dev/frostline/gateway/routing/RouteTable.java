package dev.frostline.gateway.routing;

import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Optional;

/**
 * Which service serves which path, and which endpoints need no access token. This is the only
 * place either is defined; paths are matched as received (the gateway forwards them unchanged).
 */
public final class RouteTable {

    /** Path prefix owned by the gateway: anything under it that no route claims is a 404 problem. */
    public static final String API_ROOT = "/api";

    public static final String WEBSOCKET_PATH = "/ws";

    static final List<Route> ROUTES = List.of(
            Route.prefix("/api/identity", Area.IDENTITY),
            Route.exact("/.well-known/jwks.json", Area.IDENTITY),
            Route.prefix("/api/catalog", Area.CATALOG),
            Route.prefix("/api/telemetry", Area.TELEMETRY),
            Route.prefix("/api/alerts", Area.ALERT),
            Route.prefix("/api/storage", Area.STORAGE),
            Route.exact(WEBSOCKET_PATH, Area.REALTIME));

    /**
     * Reachable without an access token. Devices post readings with their X-API-Key, which
     * telemetry-service checks; signup and login are how a token is obtained in the first place.
     */
    static final List<PublicEndpoint> PUBLIC_ENDPOINTS = List.of(
            new PublicEndpoint(HttpMethod.POST, "/api/identity/signup"),
            new PublicEndpoint(HttpMethod.POST, "/api/identity/token"),
            new PublicEndpoint(HttpMethod.POST, "/api/identity/token/refresh"),
            new PublicEndpoint(HttpMethod.POST, "/api/identity/logout"),
            new PublicEndpoint(HttpMethod.POST, "/api/identity/token/exchange"),
            new PublicEndpoint(HttpMethod.POST, "/api/identity/password/reset-requests"),
            new PublicEndpoint(HttpMethod.POST, "/api/identity/password/resets"),
            new PublicEndpoint(HttpMethod.POST, "/api/identity/invites/accept-signup"),
            new PublicEndpoint(HttpMethod.GET, "/.well-known/jwks.json"),
            new PublicEndpoint(HttpMethod.POST, "/api/telemetry/readings"));

    /**
     * Served by the gateway itself and public: Swagger UI and the OpenAPI documents (which describe
     * the API, never data), so that client developers can read them before they have an account.
     */
    public static final String DOCS_ROOT = "/api/docs";

    private RouteTable() {
    }

    public static boolean isApiDocs(String path) {
        return path.equals(DOCS_ROOT) || path.startsWith(DOCS_ROOT + "/");
    }

    public static Optional<Area> areaFor(String path) {
        return ROUTES.stream().filter(route -> route.matches(path)).map(Route::area).findFirst();
    }

    public static boolean isPublic(HttpMethod method, String path) {
        return PUBLIC_ENDPOINTS.stream().anyMatch(endpoint -> endpoint.matches(method, path));
    }

    /** Device ingest, rate-limited per API key rather than per client. */
    public static boolean isDeviceIngest(HttpMethod method, String path) {
        return HttpMethod.POST.equals(method) && path.equals("/api/telemetry/readings");
    }

    /**
     * Services' internal endpoints (service-to-service, e.g. identity's revocation feed) live under
     * this prefix. No route claims it: the gateway answers 404 itself rather than let a client reach
     * them, even if an upstream were to serve them without checking who asks.
     */
    public static final String INTERNAL_ROOT = "/internal";

    /** Every path the gateway installs a handler for (the rest, like /q/*, stays local). */
    public static List<String> mountPoints() {
        return List.of(API_ROOT + "/*", "/.well-known/jwks.json", WEBSOCKET_PATH, INTERNAL_ROOT + "/*");
    }

    record Route(String path, boolean exact, Area area) {

        static Route prefix(String path, Area area) {
            return new Route(path, false, area);
        }

        static Route exact(String path, Area area) {
            return new Route(path, true, area);
        }

        boolean matches(String requestPath) {
            if (exact) {
                return requestPath.equals(path);
            }
            // "/api/alerts" owns "/api/alerts" and "/api/alerts/...", never "/api/alertsx".
            return requestPath.startsWith(path)
                    && (requestPath.length() == path.length() || requestPath.charAt(path.length()) == '/');
        }
    }

    record PublicEndpoint(HttpMethod method, String path) {

        boolean matches(HttpMethod requestMethod, String requestPath) {
            return method.equals(requestMethod) && path.equals(requestPath);
        }
    }
}
