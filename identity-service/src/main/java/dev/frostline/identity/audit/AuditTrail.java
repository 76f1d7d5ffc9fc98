package dev.frostline.identity.audit;

import dev.frostline.support.http.RequestIds;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * Appends to the audit log. Call it inside the use case's session or transaction: the row commits or
 * rolls back with the change it describes. Events that must survive a failed request (a failed
 * login) need their own transaction.
 */
@ApplicationScoped
public class AuditTrail {

    private final AuditRepository events;
    private final CurrentVertxRequest request;

    public AuditTrail(AuditRepository events, CurrentVertxRequest request) {
        this.events = events;
        this.request = request;
    }

    public Uni<Void> record(AuditEntry entry) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.occurredAt = Instant.now();
        event.action = entry.action().value();
        event.orgId = entry.orgId();
        event.actorId = entry.actorId();
        event.targetId = entry.targetId();
        event.details = new LinkedHashMap<>(entry.details());
        RoutingContext current = Arc.container().requestContext().isActive() ? request.getCurrent() : null;
        if (current != null) {
            event.clientIp = current.request().remoteAddress() == null ? null
                    : current.request().remoteAddress().hostAddress();
            event.requestId = current.request().getHeader(RequestIds.HEADER);
        }
        return events.persist(event).replaceWithVoid();
    }
}
