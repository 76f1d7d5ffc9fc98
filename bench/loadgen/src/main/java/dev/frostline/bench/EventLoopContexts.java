package dev.frostline.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One context per event loop, so the clients spread over all of them. Vert.x gives a non-Vert.x
 * thread the same ("sticky") context on every getOrCreateContext() call, which would put every
 * client on one event loop; each instance of a deployed verticle gets its own, round-robin.
 */
final class EventLoopContexts {

    private EventLoopContexts() {
    }

    static List<Context> spread(Vertx vertx, int eventLoops) {
        List<Context> contexts = new CopyOnWriteArrayList<>();
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                contexts.add(context);
            }
        }, new DeploymentOptions().setInstances(eventLoops)).toCompletionStage().toCompletableFuture().join();
        return List.copyOf(contexts);
    }
}
