package dev.frostline.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.frostline.contracts.Role;
import dev.frostline.gateway.stubs.UnreachableUpstreamStubs;
import dev.frostline.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** identity, catalog and realtime are down; the JWKS is still served, the other areas are up. */
@QuarkusTest
@WithTestResource(value = UnreachableUpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UnreachableUpstreamTest {

    static final String TOKEN = TestTokens.newOrgToken(Role.MANAGER);

    @Inject
    Vertx vertx;

    @Test
    void downUpstreamIsAServiceUnavailableProblemWithRetryAfter() {
        given().auth().oauth2(TOKEN).get("/api/catalog/sites")
                .then().statusCode(503)
                .header("Retry-After", "5")
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:service-unavailable"))
                .body("status", equalTo(503))
                .body("detail", startsWith("catalog is unavailable"));

        given().contentType(ContentType.JSON).body("{}").post("/api/identity/signup")
                .then().statusCode(503)
                .body("detail", startsWith("identity is unavailable"));
    }

    @Test
    void otherAreasKeepWorkingWhileOneIsDown() {
        given().auth().oauth2(TOKEN).get("/api/telemetry/units/1/readings")
                .then().statusCode(200).body("area", equalTo("telemetry"));
    }

    @Test
    void notReadyWhileIdentityIsUnreachableButStillLive() {
        given().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].data.identityReachable", equalTo(false));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void webSocketToADownRealtimeIsRefusedWith503BeforeUpgrading() throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            WebSocketConnectOptions options = new WebSocketConnectOptions();
            options.setHost("localhost").setPort(18080).setURI("/ws");
            options.addHeader("Authorization", "Bearer " + TOKEN);
            client.connect(options).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            throw new AssertionError("upgrade was accepted");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(UpgradeRejectedException.class);
            UpgradeRejectedException rejected = (UpgradeRejectedException) e.getCause();
            assertThat(rejected.getStatus()).isEqualTo(503);
            assertThat(rejected.getBody().toString()).contains("urn:frostline:problem:service-unavailable");
        } finally {
            client.close();
        }
    }
}
