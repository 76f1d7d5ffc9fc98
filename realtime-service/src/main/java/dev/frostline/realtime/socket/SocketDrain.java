package dev.frostline.realtime.socket;

import dev.frostline.realtime.protocol.CloseCodes;
import dev.frostline.realtime.service.AuditingSessions;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Closes every socket of this replica when it stops, with 1001 (going away), so clients reconnect to
 * another replica at once instead of waiting to notice a dead TCP stream, and records the closes while
 * the database is still reachable. The audit write of each socket's own close callback may not finish
 * during shutdown, hence the write here; both are the same idempotent upsert.
 */
@ApplicationScoped
public class SocketDrain {

    static final CloseReason GOING_AWAY = CloseCodes.GOING_AWAY;
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final OpenConnections connections;
    private final AuditingSessions audit;

    public SocketDrain(OpenConnections connections, AuditingSessions audit) {
        this.connections = connections;
        this.audit = audit;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        try {
            closeAll().await().atMost(PATIENCE);
        } catch (RuntimeException e) {
            Log.warnf("not every socket was closed cleanly at shutdown: %s", e.toString());
        }
    }

    Uni<Void> closeAll() {
        List<Uni<Void>> closing = new ArrayList<>();
        Instant now = Instant.now();
        for (WebSocketConnection connection : connections.findByEndpointId(RealtimeSocket.ENDPOINT_ID)) {
            SocketClient client = connection.userData().get(SocketClient.KEY);
            Uni<Void> close = connection.close(GOING_AWAY).onFailure().recoverWithNull();
            if (client != null) {
                close = close.chain(() -> audit.closed(client.sessionId(), client.caller(), connection.creationTime(),
                        now, RealtimeSocket.describe(GOING_AWAY)).onFailure().recoverWithNull());
            }
            closing.add(close);
        }
        if (closing.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Log.infof("closing %d sockets for shutdown", closing.size());
        return Uni.join().all(closing).andCollectFailures().replaceWithVoid();
    }
}
