package dev.frostline.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The route table as application.properties ships it (the defaults of its ${FROSTLINE_...:default}). */
final class ShippedRouteTable {

    private static final String ROUTES = "frostline.gateway.routes.";
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:(.*)}", Pattern.DOTALL);

    private ShippedRouteTable() {
    }

    static RouteTable load() {
        Properties properties = new Properties();
        try (InputStream in = ShippedRouteTable.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> routes = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(ROUTES)) {
                routes.put(name.substring(ROUTES.length()), list(properties.getProperty(name)));
            }
        }
        return RouteTableParser.parse(routes, list(properties.getProperty("frostline.gateway.public-endpoints")));
    }

    private static List<String> list(String value) {
        Matcher matcher = DEFAULT.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalStateException("expected ${FROSTLINE_...:default}, found " + value);
        }
        return Arrays.stream(matcher.group(1).split(",")).map(String::trim).toList();
    }
}
