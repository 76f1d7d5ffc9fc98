package dev.frostline.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.Role;
import dev.frostline.realtime.metrics.RealtimeMetrics;
import dev.frostline.realtime.protocol.OutboundFrame;
import dev.frostline.support.security.Caller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbound buffer, against a connection whose writes complete only when the test says so. */
class SocketClientTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Handler<AsyncResult<Void>>> pendingWrites = new ArrayList<>();
    private final List<CloseReason> closes = new ArrayList<>();
    private final SocketClient client = new SocketClient(UUID.randomUUID(),
            new Caller(UUID.randomUUID(), UUID.randomUUID(), Role.VIEWER, null), connection(),
            (frame, written) -> pendingWrites.add(written), Runnable::run, new RealtimeMetrics(meters), 3, 10);

    @Test
    void aClientThatFallsBehindByMoreThanItsBufferIsClosedWith4008OnceAndCounted() {
        for (int i = 0; i < 3; i++) {
            client.offer(OutboundFrame.of("frame"), System.currentTimeMillis());
        }
        assertThat(closes).isEmpty();

        client.offer(OutboundFrame.of("one too many"), System.currentTimeMillis());
        client.offer(OutboundFrame.of("and another"), System.currentTimeMillis());

        assertThat(closes).extracting(CloseReason::getCode).containsExactly(4008);
        assertThat(pendingWrites).hasSize(3);
        assertThat(meters.get("frostline.realtime.slow-consumer.disconnects").counter().count()).isEqualTo(1);
        assertThat(meters.get("frostline.realtime.events.dropped").tag("reason", "slow-consumer").counter().count())
                .isEqualTo(1);
        assertThat(client.isOpen()).isFalse();
    }

    @Test
    void framesWrittenMakeRoomAgainAndAreCountedAsDelivered() {
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 3; i++) {
                client.offer(OutboundFrame.of("frame"), System.currentTimeMillis());
            }
            pendingWrites.forEach(write -> write.handle(Future.succeededFuture()));
            pendingWrites.clear();
        }

        assertThat(closes).isEmpty();
        assertThat(meters.get("frostline.realtime.events.delivered").counter().count()).isEqualTo(15);
        assertThat(meters.get("frostline.realtime.delivery.latency").timer().count()).isEqualTo(15);
    }

    @Test
    void controlFramesAreBufferedButNotCountedAsEvents() {
        client.offer(OutboundFrame.of("{\"type\":\"ack\"}"), 0);
        pendingWrites.forEach(write -> write.handle(Future.succeededFuture()));

        assertThat(meters.get("frostline.realtime.events.delivered").counter().count()).isZero();
    }

    private WebSocketConnection connection() {
        return (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WebSocketConnection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            closes.add((CloseReason) args[0]);
                            return Uni.createFrom().voidItem();
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
