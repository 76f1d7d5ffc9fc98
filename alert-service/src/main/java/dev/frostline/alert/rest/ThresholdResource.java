package dev.frostline.alert.rest;

import dev.frostline.alert.threshold.MetricNames;
import dev.frostline.alert.service.ManagingThresholds;
import dev.frostline.alert.threshold.Bounds;
import dev.frostline.contracts.Metric;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/alerts/units/{unitId}/thresholds")
@Authenticated
public class ThresholdResource {

    private final ManagingThresholds thresholds;
    private final CurrentCaller caller;

    public ThresholdResource(ManagingThresholds thresholds, CurrentCaller caller) {
        this.thresholds = thresholds;
        this.caller = caller;
    }

    @PUT
    @Path("/{metric}")
    @Operation(summary = "Set the min and/or max of one metric of a unit (manager); replaces any previous one")
    public Uni<ThresholdView> set(@PathParam("unitId") UUID unitId, @PathParam("metric") String metric,
            @Valid @NotNull ThresholdRequest request) {
        // Parsed before anything is read, so bad input is refused without touching the database.
        Metric parsedMetric = MetricNames.parse(metric);
        Bounds bounds = new Bounds(request.min(), request.max());
        return thresholds.set(caller.get(), unitId, parsedMetric, bounds).map(ThresholdView::of);
    }

    @GET
    @Operation(summary = "List the thresholds of a unit (viewer)")
    public Uni<List<ThresholdView>> list(@PathParam("unitId") UUID unitId) {
        return thresholds.list(caller.get(), unitId).map(list -> list.stream().map(ThresholdView::of).toList());
    }
}
