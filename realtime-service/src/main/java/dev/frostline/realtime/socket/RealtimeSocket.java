package dev.frostline.realtime.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.realtime.fanout.ConnectionRegistry;
import dev.frostline.realtime.service.AuditingSessions;
import dev.frostline.support.security.Caller;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The realtime endpoint: {@code /ws}. After the welcome frame a client receives every reading and alert
 * event of the org of its token, as JSON text frames, until it disconnects. Authentication happens on
 * the upgrade request: the HTTP permission on /ws (application.properties) and {@link CallerUpgradeCheck};
 * see application.properties for the form a browser uses.
 * The socket is closed with 1008 "token expired" when the token does, so the client reconnects with a
 * fresh one. All callbacks return {@link Uni}, so they run on the connection's event loop and must never block.
 */
@WebSocket(path = "/ws", endpointId = RealtimeSocket.ENDPOINT_ID)
public class RealtimeSocket {

    static final String ENDPOINT_ID = "frostline-realtime";
    /** The client should get a fresh access token and reconnect. */
    static final CloseReason TOKEN_EXPIRED = new CloseReason(1008, "token expired");

    private final ConnectionRegistry registry;
    private final AuditingSessions audit;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    public RealtimeSocket(ConnectionRegistry registry, AuditingSessions audit, ObjectMapper mapper, Vertx vertx) {
        this.registry = registry;
        this.audit = audit;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) throws JsonProcessingException {
        Caller caller = connection.userData().get(CallerUpgradeCheck.CALLER);
        SocketClient client = new SocketClient(UUID.randomUUID(), caller, connection);
        connection.userData().put(SocketClient.KEY, client);

        String welcome = mapper.writeValueAsString(new ServerFrames.Welcome(caller.orgId(), caller.userId()));
        // Subscribing issues the write now, on this event loop, before the client joins the fan-out:
        // event frames, written from the consumers' threads, queue behind the welcome.
        CompletableFuture<Void> welcomed = connection.sendText(welcome).subscribeAsCompletionStage();
        registry.add(client);
        closeWhenTheTokenExpires(client, connection.userData().get(CallerUpgradeCheck.TOKEN_EXPIRES_AT));

        audit.opened(client.sessionId(), caller, connection.creationTime()).subscribe().with(
                ignored -> {
                },
                failure -> Log.warnf("could not record the opening of session %s: %s", client.id(), failure.toString()));
        return Uni.createFrom().completionStage(welcomed);
    }

    @OnTextMessage
    public Uni<Void> onTextMessage(String message, WebSocketConnection connection) throws JsonProcessingException {
        // Everything but a ping is ignored for now; channels and resuming will be client messages too.
        if (isPing(message)) {
            return connection.sendText(mapper.writeValueAsString(new ServerFrames.Pong()));
        }
        return Uni.createFrom().voidItem();
    }

    @OnClose
    public Uni<Void> onClose(WebSocketConnection connection) {
        SocketClient client = connection.userData().get(SocketClient.KEY);
        if (client == null) {
            return Uni.createFrom().voidItem();
        }
        registry.remove(client);
        if (client.expiryTimer() >= 0) {
            vertx.cancelTimer(client.expiryTimer());
        }
        audit.closed(client.sessionId(), client.caller(), connection.creationTime(), Instant.now(),
                        describe(connection.closeReason()))
                .subscribe().with(
                        ignored -> {
                        },
                        failure -> Log.warnf("could not record the closing of session %s: %s", client.id(),
                                failure.toString()));
        return Uni.createFrom().voidItem();
    }

    /**
     * A token is checked once, on the upgrade; without this a socket would outlive its token, and a
     * revoked membership, for as long as the client cares to stay connected.
     */
    private void closeWhenTheTokenExpires(SocketClient client, Instant expiresAt) {
        if (expiresAt == null) {
            return;
        }
        long delay = Math.max(1, Duration.between(Instant.now(), expiresAt).toMillis());
        client.expiryTimer(vertx.setTimer(delay, id -> client.connection().close(TOKEN_EXPIRED).subscribe().with(
                ignored -> {
                },
                failure -> Log.debugf("session %s was already closing at token expiry: %s", client.id(),
                        failure.toString()))));
    }

    private boolean isPing(String message) {
        try {
            JsonNode node = mapper.readTree(message);
            return node != null && "ping".equals(node.path("type").asText(null));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** e.g. {@code "1000"}, {@code "1001 going away"}; null if the socket gave no reason. */
    static String describe(CloseReason reason) {
        if (reason == null) {
            return null;
        }
        String message = reason.getMessage();
        return message == null || message.isBlank() ? Integer.toString(reason.getCode())
                : reason.getCode() + " " + message;
    }
}
