package dev.frostline.realtime.fanout;

import dev.frostline.realtime.protocol.OutboundFrame;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client that keeps what it is sent, for the fan-out's plain unit tests. */
class FakeClient implements Client {
    final UUID orgId;
    final String id = UUID.randomUUID().toString();
    final List<OutboundFrame> frames = new CopyOnWriteArrayList<>();
    volatile boolean open = true;
    volatile boolean disconnectedAsSlow;
    final Executor writer;

    /** A client whose frames are written at once, on the caller's thread. */
    FakeClient(UUID orgId) {
        this(orgId, Runnable::run);
    }

    FakeClient(UUID orgId, Executor writer) {
        this.orgId = orgId;
        this.writer = writer;
    }

    @Override
    public Executor writer() {
        return writer;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public UUID orgId() {
        return orgId;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void offer(OutboundFrame frame, long eventTimestamp) {
        frames.add(frame);
    }

    @Override
    public void disconnectAsSlow() {
        disconnectedAsSlow = true;
        open = false;
    }
}
