package dev.frostline.catalog.rest;

import dev.frostline.catalog.audit.AuditQuery;
import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.catalog.listing.PageRequest;
import dev.frostline.catalog.listing.SortKey;
import dev.frostline.catalog.service.QueryingAudit;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The catalog audit log, read-only: this path answers no method but GET (405 for any other). */
@Path("/api/catalog/audit")
@Authenticated
public class AuditResource {

    private final QueryingAudit audit;
    private final CurrentCaller caller;

    public AuditResource(QueryingAudit audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Query the organization's catalog audit log, newest first (admin); "
            + "from is inclusive, to exclusive (ISO-8601 instants)")
    public Uni<PageView<AuditView>> list(@QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId, @QueryParam("actorId") String actorId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        String type = entityType == null || entityType.isBlank() ? null : EntityType.fromWire(entityType.strip())
                .map(EntityType::wire)
                .orElseThrow(() -> ProblemException.validation("Query parameter 'entityType' must be one of "
                        + String.join(", ", java.util.Arrays.stream(EntityType.values()).map(EntityType::wire).toList()) + "."));
        AuditQuery query = new AuditQuery(type, QueryIds.optional("entityId", entityId),
                QueryIds.optional("actorId", actorId), instant("from", from), instant("to", to));
        PageRequest page = Inputs.valid(() -> PageRequest.parse("-occurredAt", limit, cursor, List.of(SortKey.OCCURRED_AT)));
        return audit.page(caller.get(), query, page).map(result -> PageView.of(result, AuditView::of));
    }

    private static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.validation("Query parameter '" + parameter
                    + "' must be an ISO-8601 instant such as 2025-01-31T08:00:00Z.");
        }
    }
}
