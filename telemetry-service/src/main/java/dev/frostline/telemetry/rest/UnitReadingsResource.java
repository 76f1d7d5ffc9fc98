package dev.frostline.telemetry.rest;

import dev.frostline.support.security.CurrentCaller;
import dev.frostline.telemetry.service.QueryingReadings;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/telemetry/units/{unitId}/readings")
@Authenticated
public class UnitReadingsResource {

    private final QueryingReadings querying;

    @Inject
    CurrentCaller caller;

    public UnitReadingsResource(QueryingReadings querying) {
        this.querying = querying;
    }

    @GET
    @Operation(summary = "A unit's readings, newest first, a page at a time (viewer)",
            description = "Optional filters: metric, from (inclusive), to (exclusive), limit (default 100, at most"
                    + " 1000). nextCursor is null on the last page; pass it as cursor for the next, older page."
                    + " Another org's unit: 404. A bad parameter or cursor: 400 validation-failed.")
    public Uni<UnitReadingsResponse> list(@PathParam("unitId") UUID unitId, @QueryParam("metric") String metric,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        var window = QueryParameters.readingWindow(metric, from, to, limit, cursor);
        return querying.pageOfUnit(caller.get(), unitId, window)
                .map(page -> new UnitReadingsResponse(unitId, page.readings().stream().map(ReadingView::of).toList(),
                        page.next() == null ? null : page.next().encode()));
    }
}
