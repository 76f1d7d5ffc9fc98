package dev.frostline.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableParserTest {

    @Test
    void prefixPatternsOwnThemselvesAndWhatIsBelowAndOtherPatternsAreExact() {
        RouteTable table = RouteTableParser.parse(
                Map.of("catalog", List.of(" /api/catalog/** "), "identity", List.of("/.well-known/jwks.json")),
                List.of("GET  /.well-known/jwks.json", "post /api/catalog/public"));

        assertThat(table.areaFor("/api/catalog")).contains(Area.CATALOG);
        assertThat(table.areaFor("/api/catalog/x/y")).contains(Area.CATALOG);
        assertThat(table.areaFor("/api/catalogue")).isEmpty();
        assertThat(table.areaFor("/.well-known/jwks.json")).contains(Area.IDENTITY);
        assertThat(table.areaFor("/.well-known/jwks.json/x")).isEmpty();
        assertThat(table.isPublic(HttpMethod.GET, "/.well-known/jwks.json")).isTrue();
        assertThat(table.isPublic(HttpMethod.POST, "/api/catalog/public")).isTrue();
        assertThat(table.isPublic(HttpMethod.GET, "/api/catalog/public")).isFalse();
    }

    @Test
    void unknownServiceIsRefused() {
        assertThatThrownBy(() -> RouteTableParser.parse(Map.of("billing", List.of("/api/billing/**")), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frostline.gateway.routes.billing: 'billing' is not a Frostline service")
                .hasMessageContaining("identity, catalog, telemetry, alert, realtime, storage");
    }

    @ParameterizedTest
    @ValueSource(strings = { "api/catalog/**", "/api/catalog/", "/api//catalog", "/api/*", "/api/**/x", "/**",
            "/api/catalog/*", "/api/../internal/**", "/api/./catalog", "/api/:id", "/api/cat%2Falog", "/api cat", "" })
    void malformedPatternIsRefused(String pattern) {
        assertThatThrownBy(() -> RouteTableParser.parse(Map.of("catalog", List.of(pattern)), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frostline.gateway.routes.catalog: '" + pattern + "' is not a path pattern");
    }

    @Test
    void twoServicesClaimingTheSamePathsAreRefused() {
        assertThatThrownBy(() -> RouteTableParser.parse(
                Map.of("catalog", List.of("/api/things/**"), "storage", List.of("/api/things/files")), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/api/things/**' (catalog) and '/api/things/files' (storage) claim the same paths");
        assertThatThrownBy(() -> RouteTableParser.parse(
                Map.of("alert", List.of("/api/x"), "telemetry", List.of("/api/x")), List.of()))
                .hasMessageContaining("'/api/x' (alert) and '/api/x' (telemetry) claim the same paths");
    }

    @Test
    void disjointLookalikesAndOneServiceRepeatingItselfAreFine() {
        RouteTable table = RouteTableParser.parse(Map.of(
                "alert", List.of("/api/alerts/**", "/api/alerts/rules"),
                "catalog", List.of("/api/alertsx/**")), List.of());

        assertThat(table.areaFor("/api/alerts/rules")).contains(Area.ALERT);
        assertThat(table.areaFor("/api/alertsx")).contains(Area.CATALOG);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/internal/**", "/internal/identity/revocations", "/api/docs", "/api/docs/x/**",
            "/api/**", "/q/health" })
    void theGatewaysOwnPathsCannotBeRouted(String pattern) {
        assertThatThrownBy(() -> RouteTableParser.parse(Map.of("identity", List.of(pattern)), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + pattern + "' claims ")
                .hasMessageContaining("which the gateway serves itself");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/catalog/open", "GET", "FETCH /api/catalog/open", "GET /api/catalog/open extra",
            "GET /api/catalog/*", "GET api/catalog/open" })
    void malformedPublicEndpointIsRefused(String entry) {
        assertThatThrownBy(() -> RouteTableParser.parse(Map.of("catalog", List.of("/api/catalog/**")), List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frostline.gateway.public-endpoints: '" + entry + "' is not 'METHOD /exact/path'");
    }

    @Test
    void publicEndpointNoRouteServesIsRefused() {
        assertThatThrownBy(() -> RouteTableParser.parse(Map.of("catalog", List.of("/api/catalog/**")),
                List.of("POST /api/identity/signup")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'POST /api/identity/signup' is served by no route");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> RouteTableParser.parse(
                Map.of("billing", List.of("/api/billing/**"), "catalog", List.of("/api/catalog/*")),
                List.of("GET /nowhere")))
                .hasMessageContaining("'billing' is not a Frostline service")
                .hasMessageContaining("'/api/catalog/*' is not a path pattern")
                .hasMessageContaining("'GET /nowhere' is served by no route");
    }
}
