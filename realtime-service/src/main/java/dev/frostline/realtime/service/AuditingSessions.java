package dev.frostline.realtime.service;

import dev.frostline.realtime.repository.ClientSessionRepository;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Records when a client's connection opens and closes. Callers fire these and do not wait: the audit
 * must never delay a welcome frame or an event.
 */
@ApplicationScoped
public class AuditingSessions {

    private final ClientSessionRepository sessions;
    private final Vertx vertx;

    public AuditingSessions(ClientSessionRepository sessions, Vertx vertx) {
        this.sessions = sessions;
        this.vertx = vertx;
    }

    public Uni<Void> opened(UUID sessionId, Caller caller, Instant openedAt) {
        return onOwnContext(() -> Panache.withTransaction(
                () -> sessions.recordOpened(sessionId, caller.userId(), caller.orgId(), openedAt)));
    }

    public Uni<Void> closed(UUID sessionId, Caller caller, Instant openedAt, Instant closedAt, String reason) {
        return onOwnContext(() -> Panache.withTransaction(
                () -> sessions.recordClosed(sessionId, caller.userId(), caller.orgId(), openedAt, closedAt, reason)));
    }

    /**
     * Runs a write on a fresh, safe duplicated context. Hibernate Reactive keeps its session in the
     * current context, and the open and close writes of one connection may overlap on the socket's own
     * context; each write gets a session of its own instead of sharing one.
     */
    private Uni<Void> onOwnContext(Supplier<Uni<Void>> write) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().deferred(write::get)
                .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
