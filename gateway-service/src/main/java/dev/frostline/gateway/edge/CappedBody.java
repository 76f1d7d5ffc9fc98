package dev.frostline.gateway.edge;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that may not exceed {@code maxBytes}, counted as it streams (for chunked bodies,
 * whose size is not announced). On the first byte over the limit, {@code onOverflow} runs once,
 * the stream reports a failure to its reader (so a pipe stops and never ends the upstream request
 * as if complete), and the rest of the body is read and dropped.
 */
public final class CappedBody implements ReadStream<Buffer> {

    /** Signals the reader that the body was cut off at the limit. */
    public static final class TooLarge extends RuntimeException {
        TooLarge(long maxBytes) {
            super("request body exceeds " + maxBytes + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long maxBytes;
    private final Runnable onOverflow;
    private long received;
    private boolean overflowed;
    private Handler<Buffer> handler;
    private Handler<Throwable> exceptionHandler;

    public CappedBody(ReadStream<Buffer> source, long maxBytes, Runnable onOverflow) {
        this.source = source;
        this.maxBytes = maxBytes;
        this.onOverflow = onOverflow;
        source.handler(this::chunk);
    }

    private void chunk(Buffer chunk) {
        if (overflowed) {
            return;
        }
        received += chunk.length();
        if (received > maxBytes) {
            overflowed = true;
            onOverflow.run();
            Handler<Throwable> failed = exceptionHandler;
            if (failed != null) {
                failed.handle(new TooLarge(maxBytes));
            }
            return;
        }
        Handler<Buffer> next = handler;
        if (next != null) {
            next.handle(chunk);
        }
    }

    @Override
    public CappedBody exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public CappedBody handler(Handler<Buffer> handler) {
        // The source keeps this stream's handler, so bytes after an overflow are still drained.
        this.handler = handler;
        return this;
    }

    @Override
    public CappedBody pause() {
        source.pause();
        return this;
    }

    @Override
    public CappedBody resume() {
        source.resume();
        return this;
    }

    @Override
    public CappedBody fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public CappedBody endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : ended -> {
            if (!overflowed) {
                endHandler.handle(ended);
            }
        });
        return this;
    }
}
