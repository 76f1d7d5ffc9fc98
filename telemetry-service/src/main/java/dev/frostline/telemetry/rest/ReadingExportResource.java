package dev.frostline.telemetry.rest;

import dev.frostline.contracts.Metric;
import dev.frostline.support.security.CurrentCaller;
import dev.frostline.telemetry.export.ExportScope;
import dev.frostline.telemetry.service.ExportingReadings;
import dev.frostline.telemetry.service.ExportingReadings.Export;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestMulti;

/** The HACCP temperature log auditors ask for, streamed as CSV however long the range. */
@Path("/api/telemetry")
@Authenticated
public class ReadingExportResource {

    static final String CSV = "text/csv; charset=UTF-8";
    private static final String DESCRIPTION = "Required: from (inclusive), to (exclusive); optional metric. Streamed"
            + " (chunked) as text/csv, oldest first, with the header site,unit,metric,value,local_time,utc_time:"
            + " local_time in the site's zone (ISO-8601 with offset; UTC if the site has none). Text cells are quoted"
            + " as RFC 4180 requires, and one starting with = + - @ gets a leading ' so no spreadsheet runs it."
            + " Another org's ID: 404 problem before any row.";

    private final ExportingReadings exporting;

    @Inject
    CurrentCaller caller;

    public ReadingExportResource(ExportingReadings exporting) {
        this.exporting = exporting;
    }

    @GET
    @Path("/units/{unitId}/export")
    @Produces(CSV)
    @Operation(summary = "A unit's readings as a CSV file (viewer)", description = DESCRIPTION)
    public RestMulti<String> unit(@PathParam("unitId") UUID unitId, @QueryParam("metric") String metric,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return stream(scope(ExportScope.Kind.UNIT, unitId, metric, from, to));
    }

    @GET
    @Path("/sites/{siteId}/export")
    @Produces(CSV)
    @Operation(summary = "The readings of every unit in a site as a CSV file (viewer)", description = DESCRIPTION)
    public RestMulti<String> site(@PathParam("siteId") UUID siteId, @QueryParam("metric") String metric,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return stream(scope(ExportScope.Kind.SITE, siteId, metric, from, to));
    }

    private RestMulti<String> stream(ExportScope scope) {
        return RestMulti.fromUniResponse(exporting.export(caller.get(), scope), Export::csv,
                export -> Map.of("Content-Disposition", List.of("attachment; filename=\"" + export.fileName() + "\"")));
    }

    private static ExportScope scope(ExportScope.Kind kind, UUID id, String metric, String from, String to) {
        QueryParameters parameters = new QueryParameters();
        Metric parsedMetric = parameters.metric(metric, false);
        Instant parsedFrom = parameters.instant("from", from, true);
        Instant parsedTo = parameters.instant("to", to, true);
        parameters.requireOrdered(parsedFrom, parsedTo);
        parameters.throwIfInvalid();
        return new ExportScope(kind, id, parsedMetric, parsedFrom, parsedTo);
    }
}
