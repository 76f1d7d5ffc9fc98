package dev.frostline.telemetry.rest;

import dev.frostline.support.security.CurrentCaller;
import dev.frostline.telemetry.service.AggregatingReadings;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/telemetry/units/{unitId}/aggregates")
@Authenticated
public class UnitAggregatesResource {

    private final AggregatingReadings aggregating;

    @Inject
    CurrentCaller caller;

    public UnitAggregatesResource(AggregatingReadings aggregating) {
        this.aggregating = aggregating;
    }

    @GET
    @Operation(summary = "avg, min, max and count of a unit's metric per bucket (viewer)",
            description = "Required: metric, bucket (1m, 5m, 15m, 1h, 1d), from (inclusive), to (exclusive)."
                    + " Buckets are aligned in the site's time zone (UTC if it has none): 1d is the local day,"
                    + " 23 or 25 hours long when the clocks change. Each point gives bucketStart (UTC) and"
                    + " localStart (site zone, with offset); buckets without readings are left out. A range that"
                    + " holds more buckets than the cap (10000 by default) answers 400 too-many-points.")
    public Uni<AggregatesResponse> aggregate(@PathParam("unitId") UUID unitId, @QueryParam("metric") String metric,
            @QueryParam("bucket") String bucket, @QueryParam("from") String from, @QueryParam("to") String to) {
        QueryParameters parameters = new QueryParameters();
        var parsedMetric = parameters.metric(metric, true);
        var parsedBucket = parameters.bucket(bucket);
        var parsedFrom = parameters.instant("from", from, true);
        var parsedTo = parameters.instant("to", to, true);
        parameters.requireOrdered(parsedFrom, parsedTo);
        parameters.throwIfInvalid();
        return aggregating.ofUnit(caller.get(), unitId, parsedMetric, parsedBucket, parsedFrom, parsedTo)
                .map(aggregates -> AggregatesResponse.of(unitId, aggregates));
    }
}
