package dev.frostline.gateway.security;

import static dev.frostline.gateway.security.EdgeAuthenticationTest.PROTECTED;
import static dev.frostline.gateway.security.EdgeAuthenticationTest.assertUnauthenticatedProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.frostline.gateway.stubs.UpstreamStubs;
import dev.frostline.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Access tokens of another issuer are exchanged at identity (the stub) for Frostline tokens, which
 * are what the services receive.
 */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExternalTokenTest {

    @ConfigProperty(name = "test.stub.identity")
    String identityStub;

    @Inject
    Vertx vertx;

    int exchangesFor(String externalSubject) {
        return Integer.parseInt(given().queryParam("sub", externalSubject).get(identityStub + "/stub/exchanges").asString());
    }

    static UUID frostlineUserOf(String externalSubject) {
        return UUID.nameUUIDFromBytes(externalSubject.getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject payloadOf(String authorization) {
        String token = authorization.substring("Bearer ".length());
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void externalTokenIsForwardedAsTheFrostlineTokenItWasExchangedFor() {
        String subject = "ext-" + UUID.randomUUID();
        String authorization = given().auth().oauth2(ForeignTokens.external(subject, Map.of())).get(PROTECTED)
                .then().statusCode(200)
                .extract().path("headers.authorization[0]");

        JsonObject forwarded = payloadOf(authorization);
        assertThat(forwarded.getString("iss")).isEqualTo(TestTokens.ISSUER);
        assertThat(forwarded.getString("sub")).isEqualTo(frostlineUserOf(subject).toString());
    }

    @Test
    void exchangeIsCachedForLaterRequestsWithTheSameToken() {
        String subject = "ext-" + UUID.randomUUID();
        String token = ForeignTokens.external(subject, Map.of());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get(PROTECTED).then().statusCode(200);
        }
        assertThat(exchangesFor(subject)).isEqualTo(1);
    }

    @Test
    void concurrentFirstRequestsShareOneExchange() {
        String subject = "ext-" + UUID.randomUUID();
        // identity takes a while, so all requests arrive while the first exchange is in flight.
        String token = ForeignTokens.external(subject, Map.of("slowMillis", 1500));
        // One thread per request: the common pool may have a single thread on a small machine.
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> given().auth().oauth2(token).get(PROTECTED).statusCode(), clients))
                    .toList();
            assertThat(calls.stream().map(CompletableFuture::join)).containsOnly(200);
        } finally {
            clients.shutdownNow();
        }
        assertThat(exchangesFor(subject)).isEqualTo(1);
    }

    @Test
    void tokenIdentityRefusesIsA401Problem() {
        String subject = "ext-" + UUID.randomUUID();
        assertUnauthenticatedProblem(given().auth().oauth2(ForeignTokens.external(subject, Map.of("refuse", true)))
                .get(PROTECTED).then())
                .body("detail", equalTo("The token is not from a trusted issuer."));
        assertThat(exchangesFor(subject)).isEqualTo(1);
    }

    @Test
    void webSocketUpgradeWithAnExternalTokenInTheHeaderCarriesTheFrostlineToken() throws Exception {
        String subject = "ext-" + UUID.randomUUID();
        WebSocketConnectOptions options = webSocket();
        options.addHeader("Authorization", "Bearer " + ForeignTokens.external(subject, Map.of()));

        JsonObject greeting = greetingOf(options);
        assertThat(payloadOf(greeting.getString("authorization")).getString("sub"))
                .isEqualTo(frostlineUserOf(subject).toString());
    }

    @Test
    void webSocketUpgradeWithAnExternalTokenInTheSubprotocolCarrierCarriesTheFrostlineToken() throws Exception {
        String subject = "ext-" + UUID.randomUUID();
        String carrier = URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer "
                + ForeignTokens.external(subject, Map.of()), StandardCharsets.UTF_8).replace("+", "%20");
        WebSocketConnectOptions options = webSocket();
        options.setSubProtocols(List.of("bearer-token-carrier", carrier));

        JsonObject greeting = greetingOf(options);
        assertThat(greeting.getString("authorization")).isNull();
        String forwardedToken = BearerTokens.forWebSocket(null, greeting.getString("protocols")).orElseThrow();
        assertThat(payloadOf("Bearer " + forwardedToken).getString("sub")).isEqualTo(frostlineUserOf(subject).toString());
    }

    static WebSocketConnectOptions webSocket() {
        WebSocketConnectOptions options = new WebSocketConnectOptions();
        options.setHost("localhost").setPort(18080).setURI("/ws");
        return options;
    }

    /** realtime's stub greets with what the handshake it received carried. */
    JsonObject greetingOf(WebSocketConnectOptions options) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            CompletableFuture<String> greeting = new CompletableFuture<>();
            client.connect(options).onSuccess(ws -> ws.textMessageHandler(greeting::complete))
                    .onFailure(greeting::completeExceptionally);
            return new JsonObject(greeting.get(20, TimeUnit.SECONDS));
        } finally {
            client.close();
        }
    }
}
