package dev.frostline.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frostline.contracts.Role;
import dev.frostline.gateway.stubs.UpstreamStubs;
import dev.frostline.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebSocketProxyTest {

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "test.stub.realtime")
    String realtimeStub;

    WebSocketClient client;

    @BeforeEach
    void createClient() {
        client = vertx.createWebSocketClient();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    /** Everything a connection received, in order: text messages, binary buffers, then its close. */
    record Session(WebSocket socket, BlockingQueue<Object> received) {

        Object next() throws InterruptedException {
            Object message = received.poll(20, TimeUnit.SECONDS);
            assertThat(message).as("a message within 20 s").isNotNull();
            return message;
        }
    }

    record Closed(Short code, String reason) {
    }

    static WebSocketConnectOptions gateway() {
        WebSocketConnectOptions options = new WebSocketConnectOptions();
        options.setHost("localhost").setPort(18080).setURI("/ws?topics=alerts");
        return options;
    }

    Session connect(WebSocketConnectOptions options) throws Exception {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        // Handlers are set on the event loop as the connection completes, so no early frame is missed.
        WebSocket socket = client.connect(options).map(ws -> {
            ws.textMessageHandler(received::add);
            ws.binaryMessageHandler(received::add);
            ws.closeHandler(v -> received.add(new Closed(ws.closeStatusCode(), ws.closeReason())));
            return ws;
        }).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        return new Session(socket, received);
    }

    static String browserCarrier(String token) {
        // What a browser sends: encodeURIComponent("quarkus-http-upgrade#Authorization#Bearer " + token).
        return URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer " + token, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    @Test
    void framesFlowBothWaysWithAnAuthorizationHeader() throws Exception {
        String token = TestTokens.newOrgToken(Role.VIEWER);
        WebSocketConnectOptions options = gateway();
        options.addHeader("Authorization", "Bearer " + token);
        Session session = connect(options);

        JsonObject greeting = new JsonObject((String) session.next());
        assertThat(greeting.getString("authorization")).isEqualTo("Bearer " + token);
        assertThat(greeting.getString("query")).isEqualTo("topics=alerts");
        assertThat(greeting.getString("requestId")).isNotBlank();
        assertThat(greeting.getString("forwardedFor")).isNotBlank();

        session.socket().writeTextMessage("hello");
        assertThat(session.next()).isEqualTo("echo:hello");

        Buffer bytes = Buffer.buffer(new byte[] { 0, 1, 2, (byte) 0xFF });
        session.socket().writeBinaryMessage(bytes);
        assertThat(session.next()).isEqualTo(bytes);
        session.socket().close();
    }

    @Test
    void browserSubprotocolCarrierAuthenticatesAndRealtimesChoiceIsAnswered() throws Exception {
        String token = TestTokens.newOrgToken(Role.STAFF);
        String carrier = browserCarrier(token);
        WebSocketConnectOptions options = gateway();
        options.setSubProtocols(List.of("bearer-token-carrier", carrier));
        Session session = connect(options);

        assertThat(session.socket().subProtocol()).isEqualTo("bearer-token-carrier");
        JsonObject greeting = new JsonObject((String) session.next());
        assertThat(greeting.getString("authorization")).isNull();
        assertThat(greeting.getString("protocols")).isEqualTo("bearer-token-carrier," + carrier);

        session.socket().writeTextMessage("ping-1");
        assertThat(session.next()).isEqualTo("echo:ping-1");
        session.socket().close();
    }

    @Test
    void upgradeWithoutATokenIsRefusedWith401() {
        assertRefusedWith(401, gateway());

        WebSocketConnectOptions badCarrier = gateway();
        badCarrier.setSubProtocols(List.of("bearer-token-carrier", browserCarrier("not-a-jwt")));
        assertRefusedWith(401, badCarrier);
    }

    @Test
    void closeFromRealtimeReachesTheClientWithCodeAndReason() throws Exception {
        WebSocketConnectOptions options = gateway();
        options.addHeader("Authorization", "Bearer " + TestTokens.newOrgToken(Role.VIEWER));
        Session session = connect(options);
        session.next();

        session.socket().writeTextMessage("close:4001:bye from realtime");

        assertThat(session.next()).isEqualTo(new Closed((short) 4001, "bye from realtime"));
    }

    @Test
    void closeFromTheClientReachesRealtimeWithCodeAndReason() throws Exception {
        WebSocketConnectOptions options = gateway();
        options.addHeader("Authorization", "Bearer " + TestTokens.newOrgToken(Role.VIEWER));
        Session session = connect(options);
        session.next();

        session.socket().close((short) 4002, "client leaves");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(given().get(realtimeStub + "/stub/last-close").asString()).isEqualTo("4002 client leaves"));
    }

    void assertRefusedWith(int status, WebSocketConnectOptions options) {
        try {
            client.connect(options).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            throw new AssertionError("upgrade was accepted");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(UpgradeRejectedException.class);
            assertThat(((UpgradeRejectedException) e.getCause()).getStatus()).isEqualTo(status);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
