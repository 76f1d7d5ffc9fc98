package dev.frostline.realtime.socket;

import dev.frostline.realtime.config.RealtimeConfig;
import dev.frostline.realtime.metrics.RealtimeMetrics;
import dev.frostline.realtime.protocol.ClientMessage;
import dev.frostline.realtime.protocol.ClientMessageParser;
import dev.frostline.realtime.protocol.CloseCodes;
import dev.frostline.realtime.protocol.ControlFrames;
import dev.frostline.realtime.protocol.ProtocolException;
import dev.frostline.realtime.service.AuditingSessions;
import dev.frostline.realtime.service.SubscribingToChannels;
import dev.frostline.support.security.Caller;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The realtime endpoint: {@code /ws}, protocol in docs/realtime.md. After the welcome frame a client
 * subscribes to channels and receives their events as JSON text frames. Authentication happens on the
 * upgrade request: the HTTP permission on /ws (application.properties) and {@link CallerUpgradeCheck};
 * see application.properties for the form a browser uses. The socket is closed with 4001 when the token
 * expires, so the client reconnects with a fresh one. All callbacks return {@link Uni}, so they run on the
 * connection's event loop and must never block.
 */
@WebSocket(path = "/ws", endpointId = RealtimeSocket.ENDPOINT_ID)
public class RealtimeSocket {

    static final String ENDPOINT_ID = "frostline-realtime";

    private final SubscribingToChannels subscribing;
    private final AuditingSessions audit;
    private final RealtimeMetrics metrics;
    private final RealtimeConfig config;
    private final Vertx vertx;
    private final EventLoopWriters writers;

    public RealtimeSocket(SubscribingToChannels subscribing, AuditingSessions audit, RealtimeMetrics metrics,
            RealtimeConfig config, Vertx vertx, EventLoopWriters writers) {
        this.writers = writers;
        this.subscribing = subscribing;
        this.audit = audit;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        Caller caller = connection.userData().get(CallerUpgradeCheck.CALLER);
        // Callbacks that return Uni run on the connection's event loop: that loop writes its frames.
        SocketClient client = new SocketClient(UUID.randomUUID(), caller, connection, FrameSinks.of(connection),
                writers.of(Vertx.currentContext()), metrics, config.outboundBufferFrames(), config.maxSubscriptions());
        connection.userData().put(SocketClient.KEY, client);
        metrics.connectionOpened();
        client.offer(ControlFrames.welcome(caller.orgId(), caller.userId()), 0);
        closeWhenTheTokenExpires(client, connection.userData().get(CallerUpgradeCheck.TOKEN_EXPIRES_AT));

        audit.opened(client.sessionId(), caller, connection.creationTime()).subscribe().with(
                ignored -> {
                },
                failure -> Log.warnf("could not record the opening of session %s: %s", client.id(), failure.toString()));
        return Uni.createFrom().voidItem();
    }

    @OnTextMessage
    public Uni<Void> onTextMessage(String message, WebSocketConnection connection) {
        SocketClient client = connection.userData().get(SocketClient.KEY);
        client.touched();
        try {
            ClientMessage parsed = ClientMessageParser.parse(message);
            if (parsed instanceof ClientMessage.Ping) {
                client.offer(ControlFrames.pong(), 0);
            } else if (parsed instanceof ClientMessage.Subscribe subscribe) {
                subscribing.subscribe(client, subscribe);
            } else if (parsed instanceof ClientMessage.Unsubscribe unsubscribe) {
                subscribing.unsubscribe(client, unsubscribe);
            }
        } catch (ProtocolException e) {
            client.offer(ControlFrames.error(e), 0);
        }
        return Uni.createFrom().voidItem();
    }

    /** The answers to the server's heartbeat pings (auto-ping-interval): the client is still there. */
    // Uni, not void: a void callback would be dispatched to a worker thread for every pong.
    @OnPongMessage
    public Uni<Void> onPong(Buffer data, WebSocketConnection connection) {
        SocketClient client = connection.userData().get(SocketClient.KEY);
        if (client != null) {
            client.touched();
        }
        return Uni.createFrom().voidItem();
    }

    @OnClose
    public Uni<Void> onClose(WebSocketConnection connection) {
        SocketClient client = connection.userData().get(SocketClient.KEY);
        if (client == null) {
            return Uni.createFrom().voidItem();
        }
        client.closed();
        subscribing.unsubscribeAll(client);
        metrics.connectionClosed();
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
        client.expiryTimer(vertx.setTimer(delay, id -> client.close(CloseCodes.TOKEN_EXPIRED)));
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
