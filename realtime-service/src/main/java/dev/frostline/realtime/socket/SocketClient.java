package dev.frostline.realtime.socket;

import dev.frostline.realtime.fanout.Client;
import dev.frostline.support.security.Caller;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** A WebSocket connection of an authenticated caller, as the fan-out and the session audit see it. */
final class SocketClient implements Client {

    static final UserData.TypedKey<SocketClient> KEY = new UserData.TypedKey<>("frostline.client");

    private final UUID sessionId;
    private final Caller caller;
    private final WebSocketConnection connection;
    /** The Vert.x timer that closes the socket when the token expires, or -1. */
    private volatile long expiryTimer = -1;

    SocketClient(UUID sessionId, Caller caller, WebSocketConnection connection) {
        this.sessionId = sessionId;
        this.caller = caller;
        this.connection = connection;
    }

    UUID sessionId() {
        return sessionId;
    }

    Caller caller() {
        return caller;
    }

    WebSocketConnection connection() {
        return connection;
    }

    long expiryTimer() {
        return expiryTimer;
    }

    void expiryTimer(long timerId) {
        this.expiryTimer = timerId;
    }

    @Override
    public String id() {
        return sessionId.toString();
    }

    @Override
    public UUID orgId() {
        return caller.orgId();
    }

    @Override
    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public Uni<Void> send(String frame) {
        return connection.sendText(frame);
    }
}
