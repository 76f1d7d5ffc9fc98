package dev.frostline.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a real Vert.x with two event loops: connections run on duplicates of their loop's root context. */
class EventLoopWritersTest {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final EventLoopWriters writers = new EventLoopWriters();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void connectionsOnDuplicatesOfOneLoopContextShareOneWriterAndAnotherLoopHasItsOwn() throws Exception {
        Context loopA = eventLoop();
        Context loopB = eventLoop();

        assertThat(writers.of(VertxContext.createNewDuplicatedContext(loopA)))
                .isSameAs(writers.of(VertxContext.createNewDuplicatedContext(loopA)))
                .isSameAs(writers.of(loopA))
                .isNotSameAs(writers.of(VertxContext.createNewDuplicatedContext(loopB)));
    }

    @Test
    void aWriterRunsItsTasksOnTheThreadOfItsEventLoop() throws Exception {
        Context loop = eventLoop();
        CompletableFuture<Thread> loopThread = new CompletableFuture<>();
        loop.runOnContext(ignored -> loopThread.complete(Thread.currentThread()));
        CompletableFuture<Thread> taskThread = new CompletableFuture<>();

        writers.of(VertxContext.createNewDuplicatedContext(loop)).execute(() -> taskThread.complete(Thread.currentThread()));

        assertThat(taskThread.get(10, TimeUnit.SECONDS)).isSameAs(loopThread.get(10, TimeUnit.SECONDS));
    }

    /**
     * A new event-loop context, on the next loop of the pool (round robin). Vert.x keeps the context it
     * made for a plain thread, so each one is made on a fresh thread.
     */
    private Context eventLoop() throws Exception {
        CompletableFuture<Context> context = new CompletableFuture<>();
        Thread thread = new Thread(() -> context.complete(vertx.getOrCreateContext()));
        thread.start();
        return context.get(10, TimeUnit.SECONDS);
    }
}
