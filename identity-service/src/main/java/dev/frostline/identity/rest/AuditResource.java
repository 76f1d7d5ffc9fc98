package dev.frostline.identity.rest;

import dev.frostline.identity.audit.AuditQuery;
import dev.frostline.identity.service.QueryingAuditTrail;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/identity/audit")
@Authenticated
public class AuditResource {

    private final QueryingAuditTrail auditTrail;
    private final CurrentCaller caller;

    public AuditResource(QueryingAuditTrail auditTrail, CurrentCaller caller) {
        this.auditTrail = auditTrail;
        this.caller = caller;
    }

    /** Parameters are read as strings so a malformed one is a 400 problem naming it, not a bare 404. */
    @GET
    @Operation(summary = "Security events of the caller's organization, newest first (admin and owner)")
    public Uni<AuditPageResponse> list(@QueryParam("action") String action, @QueryParam("actorId") String actorId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit,
            @QueryParam("before") String before) {
        AuditQuery query = AuditQuery.parse(action, actorId, from, to, limit, before);
        return auditTrail.page(caller.get(), query).map(page -> new AuditPageResponse(
                page.events().stream().map(AuditEventView::of).toList(),
                page.next() == null ? null : page.next().encode()));
    }
}
