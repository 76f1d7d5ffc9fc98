package dev.frostline.telemetry.rest;

import dev.frostline.contracts.Metric;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.CurrentCaller;
import dev.frostline.telemetry.reading.ReadingWindow;
import dev.frostline.telemetry.service.QueryingReadings;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
    @Operation(summary = "A unit's readings, newest first (viewer)",
            description = "Optional filters: metric, from (inclusive), to (exclusive), limit (default 100, at most 1000).")
    public Uni<UnitReadingsResponse> list(@PathParam("unitId") UUID unitId, @QueryParam("metric") String metric,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit) {
        ReadingWindow window = window(metric, from, to, limit);
        return querying.listOfUnit(caller.get(), unitId, window)
                .map(readings -> new UnitReadingsResponse(unitId, readings.stream().map(ReadingView::of).toList()));
    }

    /*
     * Query parameters arrive as strings and are parsed here: a JAX-RS conversion failure of a query
     * parameter would answer 404, and a caller who mistyped a date deserves a 400 that says so.
     */
    private static ReadingWindow window(String metric, String from, String to, String limit) {
        List<Map<String, Object>> errors = new ArrayList<>();
        Metric parsedMetric = null;
        if (metric != null) {
            parsedMetric = Metric.fromWireName(metric).orElse(null);
            if (parsedMetric == null) {
                errors.add(error("metric", "is not a known metric"));
            }
        }
        Instant parsedFrom = instant("from", from, errors);
        Instant parsedTo = instant("to", to, errors);
        if (parsedFrom != null && parsedTo != null && !parsedFrom.isBefore(parsedTo)) {
            errors.add(error("to", "must be after from"));
        }
        int parsedLimit = ReadingWindow.DEFAULT_LIMIT;
        if (limit != null) {
            try {
                parsedLimit = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                parsedLimit = -1;
            }
            if (parsedLimit < 1 || parsedLimit > ReadingWindow.MAX_LIMIT) {
                errors.add(error("limit", "must be a whole number from 1 to " + ReadingWindow.MAX_LIMIT));
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.get("field") + " " + e.get("reason"))
                    .collect(Collectors.joining("; "));
            throw new ProblemException(ProblemType.VALIDATION_FAILED, detail, errors);
        }
        return new ReadingWindow(parsedMetric, parsedFrom, parsedTo, parsedLimit);
    }

    private static Instant instant(String field, String value, List<Map<String, Object>> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(error(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z"));
            return null;
        }
    }

    private static Map<String, Object> error(String field, String reason) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("reason", reason);
        return error;
    }
}
