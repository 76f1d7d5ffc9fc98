package dev.frostline.realtime.service;

import dev.frostline.realtime.repository.ClientSessionRepository;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Records when a client's connection opens and closes. Callers fire these and do not wait: the audit
 * must never delay a welcome frame or an event.
 */
@ApplicationScoped
public class AuditingSessions {

    private final ClientSessionRepository sessions;
    private final OwnContext ownContext;

    public AuditingSessions(ClientSessionRepository sessions, OwnContext ownContext) {
        this.sessions = sessions;
        this.ownContext = ownContext;
    }

    public Uni<Void> opened(UUID sessionId, Caller caller, Instant openedAt) {
        return ownContext.run(() -> Panache.withTransaction(
                () -> sessions.recordOpened(sessionId, caller.userId(), caller.orgId(), openedAt)));
    }

    public Uni<Void> closed(UUID sessionId, Caller caller, Instant openedAt, Instant closedAt, String reason) {
        return ownContext.run(() -> Panache.withTransaction(
                () -> sessions.recordClosed(sessionId, caller.userId(), caller.orgId(), openedAt, closedAt, reason)));
    }
}
