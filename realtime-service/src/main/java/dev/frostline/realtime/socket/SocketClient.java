package dev.frostline.realtime.socket;

import dev.frostline.realtime.fanout.Client;
import dev.frostline.realtime.fanout.SubscriptionSlots;
import dev.frostline.realtime.metrics.RealtimeMetrics;
import dev.frostline.realtime.protocol.CloseCodes;
import dev.frostline.realtime.protocol.OutboundFrame;
import dev.frostline.realtime.service.Subscriber;
import dev.frostline.support.security.Caller;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket connection of an authenticated caller, with its bounded outbound buffer. Every frame is
 * counted from the moment it is queued until Vert.x reports it written to the socket; a client that does
 * not read lets that count grow (TCP pushes back, writes stay pending), and past the limit it is closed
 * with 4008 instead of holding frames without end. (websockets-next exposes no writeQueueFull; this count
 * is the same measure, per frame.)
 */
final class SocketClient implements Client, Subscriber {

    static final UserData.TypedKey<SocketClient> KEY = new UserData.TypedKey<>("frostline.client");

    private final UUID sessionId;
    private final Caller caller;
    private final WebSocketConnection connection;
    private final FrameSink sink;
    private final Executor writer;
    private final RealtimeMetrics metrics;
    private final int outboundLimit;
    private final SubscriptionSlots subscriptions;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Set by the close callback; asking the socket instead takes its lock, for every subscriber of every event. */
    private volatile boolean closed;
    private volatile long lastInboundMillis = System.currentTimeMillis();
    /** The Vert.x timer that closes the socket when the token expires, or -1. */
    private volatile long expiryTimer = -1;

    /** @param writer runs tasks on the connection's event loop ({@link Client#writer()}) */
    SocketClient(UUID sessionId, Caller caller, WebSocketConnection connection, FrameSink sink, Executor writer,
            RealtimeMetrics metrics, int outboundLimit, int maxSubscriptions) {
        this.sessionId = sessionId;
        this.caller = caller;
        this.connection = connection;
        this.sink = sink;
        this.writer = writer;
        this.metrics = metrics;
        this.outboundLimit = outboundLimit;
        this.subscriptions = new SubscriptionSlots(maxSubscriptions);
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

    @Override
    public Client client() {
        return this;
    }

    @Override
    public SubscriptionSlots subscriptions() {
        return subscriptions;
    }

    long expiryTimer() {
        return expiryTimer;
    }

    void expiryTimer(long timerId) {
        this.expiryTimer = timerId;
    }

    /** Anything arrived from the client: a message or a pong. */
    void touched() {
        lastInboundMillis = System.currentTimeMillis();
    }

    boolean idleFor(Duration timeout, long nowMillis) {
        return nowMillis - lastInboundMillis > timeout.toMillis();
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
    public Executor writer() {
        return writer;
    }

    @Override
    public boolean isOpen() {
        return !closed && !closing.get();
    }

    /** The socket is closed, by either side: nothing more is written to it. */
    void closed() {
        closed = true;
    }

    @Override
    public void offer(OutboundFrame frame, long eventTimestamp) {
        if (!isOpen()) {
            return;
        }
        if (pending.incrementAndGet() > outboundLimit) {
            pending.decrementAndGet();
            if (eventTimestamp > 0) {
                metrics.droppedForSlowConsumer();
            }
            disconnectAsSlow();
            return;
        }
        sink.write(frame, written -> {
            pending.decrementAndGet();
            if (eventTimestamp <= 0) {
                return;
            }
            if (written.succeeded()) {
                metrics.delivered(eventTimestamp);
            } else {
                metrics.droppedForFailedWrite();
                Log.debugf("could not write to client %s: %s", sessionId, written.cause().toString());
            }
        });
    }

    /**
     * Blocks until the outbound buffer is at most half full, for writers that may wait (replays, on their
     * own threads): a long replay then goes at the client's pace instead of overflowing its buffer.
     *
     * @return false if the buffer did not drain within the patience, or the connection closed
     */
    @Override
    public boolean awaitRoom(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (pending.get() > outboundLimit / 2) {
            if (!isOpen() || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return isOpen();
    }

    @Override
    public void disconnectAsSlow() {
        if (close(CloseCodes.SLOW_CONSUMER)) {
            metrics.slowConsumerDisconnected();
            Log.infof("session %s of org %s disconnected as a slow consumer (%d frames pending)", sessionId,
                    caller.orgId(), pending.get());
        }
    }

    /** Closes once; true if this call closed it. Later frames are dropped without a write. */
    boolean close(CloseReason reason) {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        connection.close(reason).subscribe().with(
                ignored -> {
                },
                failure -> Log.debugf("session %s was already closing (%s): %s", sessionId, reason.getMessage(),
                        failure.toString()));
        return true;
    }
}
