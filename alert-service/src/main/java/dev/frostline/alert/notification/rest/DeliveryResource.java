package dev.frostline.alert.notification.rest;

import dev.frostline.alert.notification.QueryingDeliveries;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/alerts/notifications")
@Authenticated
public class DeliveryResource {

    private final QueryingDeliveries deliveries;
    private final CurrentCaller caller;

    public DeliveryResource(QueryingDeliveries deliveries, CurrentCaller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Deliveries given up after their last attempt, newest first (admin)")
    public Uni<List<DeliveryView>> deadLetters(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return deliveries.deadLetters(caller.get(), limit).map(list -> list.stream().map(DeliveryView::of).toList());
    }

    @POST
    @Path("/dead-letters/{id}/retry")
    @Operation(summary = "Send a dead-lettered delivery again, now, with a fresh set of attempts (admin)")
    public Uni<DeliveryView> retry(@PathParam("id") UUID id) {
        return deliveries.retry(caller.get(), id).map(DeliveryView::of);
    }

    @GET
    @Path("/alerts/{alertId}/deliveries")
    @Operation(summary = "Every delivery of an alert's notifications and how it went (manager)")
    public Uni<List<DeliveryView>> ofAlert(@PathParam("alertId") UUID alertId) {
        return deliveries.ofAlert(caller.get(), alertId).map(list -> list.stream().map(DeliveryView::of).toList());
    }
}
