package dev.frostline.gateway.routing;

import io.vertx.core.http.HttpMethod;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which service serves which path, and which endpoints need no access token: built once from
 * configuration ({@code frostline.gateway.routes.*}, {@code frostline.gateway.public-endpoints}) by
 * {@link RouteTableParser}, which refuses a table with unknown services, malformed or overlapping
 * paths. Paths are matched as received (the gateway forwards them unchanged).
 */
public final class RouteTable {

    /** Path prefix owned by the gateway: anything under it that no route claims is a 404 problem. */
    public static final String API_ROOT = "/api";

    /**
     * Served by the gateway itself and public: Swagger UI and the OpenAPI documents (which describe
     * the API, never data), so that client developers can read them before they have an account.
     */
    public static final String DOCS_ROOT = "/api/docs";

    /**
     * Services' internal endpoints (service-to-service, e.g. identity's revocation feed) live under
     * this prefix. No route may claim it: the gateway answers 404 itself rather than let a client reach
     * them, even if an upstream were to serve them without checking who asks.
     */
    public static final String INTERNAL_ROOT = "/internal";

    /** The gateway's own paths (docs, internal 404s, its /q endpoints): no route may claim them. */
    static final List<String> RESERVED_ROOTS = List.of(DOCS_ROOT, INTERNAL_ROOT, "/q");

    private static final String DEVICE_INGEST_PATH = "/api/telemetry/readings";

    private final List<Route> routes;
    private final List<PublicEndpoint> publicEndpoints;

    RouteTable(List<Route> routes, List<PublicEndpoint> publicEndpoints) {
        this.routes = List.copyOf(routes);
        this.publicEndpoints = List.copyOf(publicEndpoints);
    }

    public static boolean isApiDocs(String path) {
        return path.equals(DOCS_ROOT) || path.startsWith(DOCS_ROOT + "/");
    }

    /** At most one route matches: the parser refuses overlapping routes. */
    public Optional<Area> areaFor(String path) {
        return routes.stream().filter(route -> route.matches(path)).map(Route::area).findFirst();
    }

    public boolean isPublic(HttpMethod method, String path) {
        return publicEndpoints.stream().anyMatch(endpoint -> endpoint.matches(method, path));
    }

    /** Device ingest, rate-limited per API key rather than per client. */
    public static boolean isDeviceIngest(HttpMethod method, String path) {
        return HttpMethod.POST.equals(method) && path.equals(DEVICE_INGEST_PATH);
    }

    /**
     * Every path the gateway installs a handler for (the rest, like /q/*, stays local): all of /api
     * (routes, docs and 404s), /internal (404s), and each route outside /api.
     */
    public List<String> mountPoints() {
        Set<String> mounts = new LinkedHashSet<>(List.of(API_ROOT + "/*", INTERNAL_ROOT + "/*"));
        Route api = Route.prefix(API_ROOT, null);
        for (Route route : routes) {
            if (!api.matches(route.path())) {
                mounts.add(route.exact() ? route.path() : route.path() + "/*");
            }
        }
        return List.copyOf(mounts);
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

        /** Some request path would match both. */
        boolean overlaps(Route other) {
            return matches(other.path) || other.matches(path);
        }

        /** As written in configuration. */
        String pattern() {
            return exact ? path : path + RouteTableParser.PREFIX_SUFFIX;
        }
    }

    record PublicEndpoint(HttpMethod method, String path) {

        boolean matches(HttpMethod requestMethod, String requestPath) {
            return method.equals(requestMethod) && path.equals(requestPath);
        }
    }
}
