package dev.frostline.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void eachPrefixOwnsItselfAndWhatIsBelowIt() {
        assertThat(RouteTable.areaFor("/api/identity/token")).contains(Area.IDENTITY);
        assertThat(RouteTable.areaFor("/.well-known/jwks.json")).contains(Area.IDENTITY);
        assertThat(RouteTable.areaFor("/api/catalog")).contains(Area.CATALOG);
        assertThat(RouteTable.areaFor("/api/catalog/sites/1")).contains(Area.CATALOG);
        assertThat(RouteTable.areaFor("/api/telemetry/readings")).contains(Area.TELEMETRY);
        assertThat(RouteTable.areaFor("/api/alerts/1/acknowledge")).contains(Area.ALERT);
        assertThat(RouteTable.areaFor("/api/storage/files")).contains(Area.STORAGE);
        assertThat(RouteTable.areaFor("/ws")).contains(Area.REALTIME);
    }

    @Test
    void lookalikePathsBelongToNoArea() {
        assertThat(RouteTable.areaFor("/api/catalogue")).isEmpty();
        assertThat(RouteTable.areaFor("/api/alert")).isEmpty();
        assertThat(RouteTable.areaFor("/api")).isEmpty();
        assertThat(RouteTable.areaFor("/ws/other")).isEmpty();
        assertThat(RouteTable.areaFor("/.well-known/jwks.json/x")).isEmpty();
    }

    @Test
    void onlyTheListedMethodAndPathArePublic() {
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/identity/signup")).isTrue();
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/identity/token")).isTrue();
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/identity/token/refresh")).isTrue();
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/identity/logout")).isTrue();
        assertThat(RouteTable.isPublic(HttpMethod.GET, "/.well-known/jwks.json")).isTrue();
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/telemetry/readings")).isTrue();
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/identity/token/exchange")).isTrue();
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/identity/password/reset-requests")).isTrue();
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/identity/password/resets")).isTrue();
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/identity/invites/accept-signup")).isTrue();

        assertThat(RouteTable.isPublic(HttpMethod.GET, "/api/identity/signup")).isFalse();
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/identity/signup/")).isFalse();
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/telemetry/readings/extra")).isFalse();
        assertThat(RouteTable.isPublic(HttpMethod.GET, "/api/identity/me")).isFalse();
        assertThat(RouteTable.isPublic(HttpMethod.GET, "/ws")).isFalse();
        assertThat(RouteTable.isPublic(HttpMethod.GET, "/api/identity/logout")).isFalse();
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/identity/token/refresh/x")).isFalse();
        // Changing a password and accepting an invite as a signed-in user need a token.
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/identity/password")).isFalse();
        assertThat(RouteTable.isPublic(HttpMethod.POST, "/api/identity/invites/accept")).isFalse();
    }
}
