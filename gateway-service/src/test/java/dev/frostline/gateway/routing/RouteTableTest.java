package dev.frostline.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table as shipped in application.properties. */
class RouteTableTest {

    static final RouteTable ROUTES = ShippedRouteTable.load();

    @Test
    void eachPrefixOwnsItselfAndWhatIsBelowIt() {
        assertThat(ROUTES.areaFor("/api/identity/token")).contains(Area.IDENTITY);
        assertThat(ROUTES.areaFor("/.well-known/jwks.json")).contains(Area.IDENTITY);
        assertThat(ROUTES.areaFor("/api/catalog")).contains(Area.CATALOG);
        assertThat(ROUTES.areaFor("/api/catalog/sites/1")).contains(Area.CATALOG);
        assertThat(ROUTES.areaFor("/api/telemetry/readings")).contains(Area.TELEMETRY);
        assertThat(ROUTES.areaFor("/api/alerts/1/acknowledge")).contains(Area.ALERT);
        assertThat(ROUTES.areaFor("/api/storage/files")).contains(Area.STORAGE);
        assertThat(ROUTES.areaFor("/ws")).contains(Area.REALTIME);
    }

    @Test
    void lookalikePathsBelongToNoArea() {
        assertThat(ROUTES.areaFor("/api/catalogue")).isEmpty();
        assertThat(ROUTES.areaFor("/api/alert")).isEmpty();
        assertThat(ROUTES.areaFor("/api")).isEmpty();
        assertThat(ROUTES.areaFor("/ws/other")).isEmpty();
        assertThat(ROUTES.areaFor("/.well-known/jwks.json/x")).isEmpty();
    }

    @Test
    void onlyTheListedMethodAndPathArePublic() {
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/identity/signup")).isTrue();
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/identity/token")).isTrue();
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/identity/token/refresh")).isTrue();
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/identity/logout")).isTrue();
        assertThat(ROUTES.isPublic(HttpMethod.GET, "/.well-known/jwks.json")).isTrue();
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/telemetry/readings")).isTrue();
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/identity/token/exchange")).isTrue();
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/identity/password/reset-requests")).isTrue();
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/identity/password/resets")).isTrue();
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/identity/invites/accept-signup")).isTrue();

        assertThat(ROUTES.isPublic(HttpMethod.GET, "/api/identity/signup")).isFalse();
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/identity/signup/")).isFalse();
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/telemetry/readings/extra")).isFalse();
        assertThat(ROUTES.isPublic(HttpMethod.GET, "/api/identity/me")).isFalse();
        assertThat(ROUTES.isPublic(HttpMethod.GET, "/ws")).isFalse();
        assertThat(ROUTES.isPublic(HttpMethod.GET, "/api/identity/logout")).isFalse();
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/identity/token/refresh/x")).isFalse();
        // Changing a password and accepting an invite as a signed-in user need a token.
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/identity/password")).isFalse();
        assertThat(ROUTES.isPublic(HttpMethod.POST, "/api/identity/invites/accept")).isFalse();
    }

    @Test
    void everythingOutsideApiThatIsRoutedIsMountedAndApiAndInternalAlwaysAre() {
        assertThat(ROUTES.mountPoints())
                .containsExactlyInAnyOrder("/api/*", "/internal/*", "/.well-known/jwks.json", "/ws");
    }

    @Test
    void mountPointsFollowTheConfiguredRoutes() {
        RouteTable table = RouteTableParser.parse(
                Map.of("catalog", List.of("/api/catalog/**", "/v2/catalog/**"), "realtime", List.of("/live")),
                List.of());

        assertThat(table.mountPoints()).containsExactlyInAnyOrder("/api/*", "/internal/*", "/v2/catalog/*", "/live");
        assertThat(table.areaFor("/v2/catalog")).contains(Area.CATALOG);
        assertThat(table.areaFor("/v2/catalog/sites/1")).contains(Area.CATALOG);
        assertThat(table.areaFor("/live")).contains(Area.REALTIME);
        assertThat(table.areaFor("/ws")).isEmpty();
    }

    @Test
    void devicesIngestAtTheTelemetryReadingsEndpointOnly() {
        assertThat(RouteTable.isDeviceIngest(HttpMethod.POST, "/api/telemetry/readings")).isTrue();
        assertThat(RouteTable.isDeviceIngest(HttpMethod.GET, "/api/telemetry/readings")).isFalse();
        assertThat(RouteTable.isDeviceIngest(HttpMethod.POST, "/api/telemetry/readings/x")).isFalse();
    }
}
