package dev.frostline.realtime.socket;

import dev.frostline.realtime.protocol.OutboundFrame;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;

/** Where a connection's text frames are written: its socket. */
interface FrameSink {

    /**
     * Queues one text frame on the socket; {@code written} is told once it is written to the network or
     * could not be. May be called from any thread; the socket keeps the order of the calls.
     */
    void write(OutboundFrame frame, Handler<AsyncResult<Void>> written);
}
