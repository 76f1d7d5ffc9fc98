package dev.frostline.telemetry.rest;

import dev.frostline.support.security.CurrentCaller;
import dev.frostline.telemetry.service.ListingLatestReadings;
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

/*
 * The class path is /api/telemetry like ReadingExportResource's: with /api/telemetry/sites/{siteId} here,
 * JAX-RS would route /sites/{siteId}/export to this class, find no method and answer 404.
 */
@Path("/api/telemetry")
@Authenticated
public class SiteReadingsResource {

    private final QueryingReadings querying;
    private final ListingLatestReadings latest;

    @Inject
    CurrentCaller caller;

    public SiteReadingsResource(QueryingReadings querying, ListingLatestReadings latest) {
        this.querying = querying;
        this.latest = latest;
    }

    @GET
    @Path("/sites/{siteId}/readings")
    @Operation(summary = "The readings of every unit in a site, newest first, a page at a time (viewer)",
            description = "The units now in the site. Parameters as for a unit's readings: metric, from (inclusive),"
                    + " to (exclusive), limit (default 100, at most 1000), cursor (nextCursor of the previous page)."
                    + " A site without a live unit of the caller's org: 404.")
    public Uni<SiteReadingsResponse> list(@PathParam("siteId") UUID siteId, @QueryParam("metric") String metric,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        var window = QueryParameters.readingWindow(metric, from, to, limit, cursor);
        return querying.pageOfSite(caller.get(), siteId, window)
                .map(page -> new SiteReadingsResponse(siteId, page.readings().stream().map(ReadingView::of).toList(),
                        page.next() == null ? null : page.next().encode()));
    }

    @GET
    @Path("/sites/{siteId}/latest")
    @Operation(summary = "The newest reading of every metric of every unit in a site: the dashboard (viewer)",
            description = "Every live unit of the site, by name, with the newest value and recordedAt of each metric"
                    + " it has reported; a unit without readings has an empty latest list. A site without a live"
                    + " unit of the caller's org: 404.")
    public Uni<SiteLatestResponse> latest(@PathParam("siteId") UUID siteId) {
        return latest.ofSite(caller.get(), siteId).map(units -> SiteLatestResponse.of(siteId, units));
    }
}
