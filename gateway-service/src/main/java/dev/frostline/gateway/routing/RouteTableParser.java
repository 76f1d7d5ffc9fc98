package dev.frostline.gateway.routing;

import dev.frostline.gateway.routing.RouteTable.PublicEndpoint;
import dev.frostline.gateway.routing.RouteTable.Route;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the route table from configuration and refuses one the gateway could not serve safely, so
 * that a mistake stops startup instead of sending requests to the wrong service. Every problem
 * found is reported at once.
 *
 * <p>Routes: service name (an {@link Area}) to patterns; {@code /x/**} is the prefix /x and everything
 * under it, anything else one exact path. Public endpoints: {@code METHOD /path}, exact.
 */
public final class RouteTableParser {

    static final String PREFIX_SUFFIX = "/**";

    private static final String ROUTES_KEY = "frostline.gateway.routes";
    private static final String PUBLIC_KEY = "frostline.gateway.public-endpoints";

    /**
     * Plain segments only: no empty, wildcard or parameter (":id") segments, which Vert.x mount
     * points would read as syntax, and no encoded characters, which requests are not decoded against.
     */
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    private RouteTableParser() {
    }

    /** @throws IllegalArgumentException listing every problem found */
    public static RouteTable parse(Map<String, List<String>> routesByService, List<String> publicEndpoints) {
        List<String> problems = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        // Sorted, so that the same configuration always yields the same messages.
        new TreeMap<>(routesByService).forEach((service, patterns) -> {
            Optional<Area> area = area(service);
            if (area.isEmpty()) {
                problems.add(ROUTES_KEY + "." + service + ": '" + service + "' is not a Frostline service (known: "
                        + Arrays.stream(Area.values()).map(Area::displayName).collect(Collectors.joining(", ")) + ").");
                return;
            }
            for (String pattern : patterns) {
                route(pattern.trim(), area.get(), problems).ifPresent(route -> claim(route, routes, problems));
            }
        });
        RouteTable table = new RouteTable(routes, List.of());
        List<PublicEndpoint> endpoints = new ArrayList<>();
        for (String entry : publicEndpoints) {
            publicEndpoint(entry.trim(), table, problems).ifPresent(endpoints::add);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The gateway's route table is invalid:\n  - "
                    + String.join("\n  - ", problems));
        }
        return new RouteTable(routes, endpoints);
    }

    private static Optional<Area> area(String service) {
        return Arrays.stream(Area.values()).filter(area -> area.displayName().equals(service)).findFirst();
    }

    private static Optional<Route> route(String pattern, Area area, List<String> problems) {
        boolean prefix = pattern.endsWith(PREFIX_SUFFIX);
        String path = prefix ? pattern.substring(0, pattern.length() - PREFIX_SUFFIX.length()) : pattern;
        if (!isPlainPath(path)) {
            problems.add(ROUTES_KEY + "." + area.displayName() + ": '" + pattern + "' is not a path pattern: write"
                    + " /a/b for exactly that path or /a/b/** for it and everything under it (letters, digits"
                    + " and . _ ~ - in segments; no empty, '.' or '..' segments).");
            return Optional.empty();
        }
        Route route = prefix ? Route.prefix(path, area) : Route.exact(path, area);
        for (String reserved : RouteTable.RESERVED_ROOTS) {
            if (Route.prefix(reserved, null).overlaps(route)) {
                problems.add(ROUTES_KEY + "." + area.displayName() + ": '" + pattern + "' claims " + reserved
                        + ", which the gateway serves itself.");
                return Optional.empty();
            }
        }
        return Optional.of(route);
    }

    private static void claim(Route route, List<Route> routes, List<String> problems) {
        for (Route existing : routes) {
            if (existing.area() != route.area() && existing.overlaps(route)) {
                problems.add(ROUTES_KEY + ": '" + existing.pattern() + "' (" + existing.area().displayName()
                        + ") and '" + route.pattern() + "' (" + route.area().displayName()
                        + ") claim the same paths; each path must belong to one service.");
                return;
            }
        }
        routes.add(route);
    }

    private static Optional<PublicEndpoint> publicEndpoint(String entry, RouteTable table, List<String> problems) {
        String[] parts = entry.split("\\s+");
        Optional<HttpMethod> method = parts.length == 2
                ? METHODS.stream().filter(m -> m.name().equals(parts[0].toUpperCase(Locale.ROOT))).findFirst()
                : Optional.empty();
        if (method.isEmpty() || !isPlainPath(parts[1])) {
            problems.add(PUBLIC_KEY + ": '" + entry + "' is not 'METHOD /exact/path' (methods: "
                    + METHODS.stream().map(HttpMethod::name).collect(Collectors.joining(", ")) + ").");
            return Optional.empty();
        }
        if (table.areaFor(parts[1]).isEmpty()) {
            problems.add(PUBLIC_KEY + ": '" + entry + "' is served by no route.");
            return Optional.empty();
        }
        return Optional.of(new PublicEndpoint(method.get(), parts[1]));
    }

    private static boolean isPlainPath(String path) {
        return PATH.matcher(path).matches()
                && Arrays.stream(path.split("/")).noneMatch(segment -> segment.equals(".") || segment.equals(".."));
    }
}
