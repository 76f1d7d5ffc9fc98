package dev.frostline.realtime.service;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs database work on a fresh, safe duplicated context. Hibernate Reactive keeps its session in the
 * current context, and a socket's callbacks (its open, its close, its subscribes) may overlap on the
 * socket's own context; each piece of work gets a session of its own instead of sharing one.
 */
@ApplicationScoped
public class OwnContext {

    private final Vertx vertx;

    public OwnContext(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().<T>deferred(work::get)
                .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
