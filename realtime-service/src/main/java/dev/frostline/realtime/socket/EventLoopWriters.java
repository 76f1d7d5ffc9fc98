package dev.frostline.realtime.socket;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * One writer per Vert.x event loop, for {@link dev.frostline.realtime.fanout.Client#writer()}. Each
 * connection runs on a duplicate of the root context of the HTTP server on its event loop (one per loop),
 * so the root is what identifies the loop, and every connection of a loop gets the same executor.
 */
@ApplicationScoped
public class EventLoopWriters {

    private final ConcurrentMap<Context, Executor> byLoop = new ConcurrentHashMap<>();

    /** The writer of the event loop that runs {@code context}. */
    Executor of(Context context) {
        return byLoop.computeIfAbsent(VertxContext.getRootContext(context),
                loop -> task -> loop.runOnContext(ignored -> task.run()));
    }
}
