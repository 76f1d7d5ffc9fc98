package dev.frostline.identity.service;

import dev.frostline.contracts.Role;
import dev.frostline.identity.audit.AuditCursor;
import dev.frostline.identity.audit.AuditEvent;
import dev.frostline.identity.audit.AuditQuery;
import dev.frostline.identity.repository.AuditEventQueries;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** An organization's audit log, for its admins and owners only. */
@ApplicationScoped
public class QueryingAuditTrail {

    /** @param next the cursor of the following (older) page; null on the last page */
    public record Page(List<AuditEvent> events, AuditCursor next) {
    }

    private final AuditEventQueries events;

    public QueryingAuditTrail(AuditEventQueries events) {
        this.events = events;
    }

    @WithSession
    public Uni<Page> page(Caller caller, AuditQuery query) {
        caller.require(Role.ADMIN);
        return events.pageOfOrg(caller.orgId(), query).map(rows -> {
            if (rows.size() <= query.limit()) {
                return new Page(rows, null);
            }
            List<AuditEvent> page = rows.subList(0, query.limit());
            return new Page(page, AuditCursor.of(page.get(page.size() - 1)));
        });
    }
}
