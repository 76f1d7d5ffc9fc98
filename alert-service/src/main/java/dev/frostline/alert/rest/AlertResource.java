package dev.frostline.alert.rest;

import dev.frostline.alert.alert.AlertStatus;
import dev.frostline.alert.service.QueryingAlerts;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/alerts/alerts")
@Authenticated
public class AlertResource {

    private final QueryingAlerts alerts;
    private final CurrentCaller caller;

    public AlertResource(QueryingAlerts alerts, CurrentCaller caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List the organization's alerts, newest first (viewer); at most 100")
    public Uni<List<AlertView>> list(@QueryParam("unitId") String unitId, @QueryParam("status") String status) {
        // Parsed here rather than by JAX-RS, which answers an unparseable query parameter with 404.
        UUID unit = parseUnitId(unitId);
        AlertStatus parsedStatus = parseStatus(status);
        return alerts.list(caller.get(), unit, parsedStatus).map(list -> list.stream().map(AlertView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One alert of the organization (viewer)")
    public Uni<AlertView> get(@PathParam("id") UUID id) {
        return alerts.get(caller.get(), id).map(AlertView::of);
    }

    private static UUID parseUnitId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("unitId '" + value + "' is not a UUID.");
        }
    }

    private static AlertStatus parseStatus(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return AlertStatus.find(value.trim()).orElseThrow(() ->
                ProblemException.validation("status '" + value + "' is not one of open, resolved."));
    }
}
