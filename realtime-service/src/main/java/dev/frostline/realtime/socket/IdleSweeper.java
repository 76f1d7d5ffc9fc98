package dev.frostline.realtime.socket;

import dev.frostline.realtime.config.RealtimeConfig;
import dev.frostline.realtime.protocol.CloseCodes;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Closes connections that have sent nothing for the idle timeout, with 4002. The server pings every
 * connection (auto-ping-interval) and every live client answers with a pong, so only a peer that is gone
 * without a FIN (a dropped network, a suspended laptop) goes quiet; without this its subscriptions and
 * buffer would stay until TCP gave up, hours later. One sweep for all, not a timer per connection.
 */
@ApplicationScoped
public class IdleSweeper {

    private final OpenConnections connections;
    private final RealtimeConfig config;
    private final Vertx vertx;

    public IdleSweeper(OpenConnections connections, RealtimeConfig config, Vertx vertx) {
        this.connections = connections;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        long period = Math.max(1000, config.idleTimeout().toMillis() / 4);
        vertx.setPeriodic(period, id -> sweep());
    }

    void sweep() {
        long now = System.currentTimeMillis();
        for (WebSocketConnection connection : connections.findByEndpointId(RealtimeSocket.ENDPOINT_ID)) {
            SocketClient client = connection.userData().get(SocketClient.KEY);
            if (client != null && client.idleFor(config.idleTimeout(), now) && client.close(CloseCodes.IDLE_TIMEOUT)) {
                Log.debugf("session %s closed after %s without a message or pong", client.id(), config.idleTimeout());
            }
        }
    }
}
