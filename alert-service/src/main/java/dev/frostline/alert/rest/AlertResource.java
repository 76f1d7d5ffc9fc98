package dev.frostline.alert.rest;

import dev.frostline.alert.alert.AlertState;
import dev.frostline.alert.rule.Severity;
import dev.frostline.alert.service.HandlingAlerts;
import dev.frostline.alert.service.QueryingAlerts;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/alerts/alerts")
@Authenticated
public class AlertResource {

    private static final int DEFAULT_LIMIT = 100;

    private final QueryingAlerts querying;
    private final HandlingAlerts handling;
    private final CurrentCaller caller;

    public AlertResource(QueryingAlerts querying, HandlingAlerts handling, CurrentCaller caller) {
        this.querying = querying;
        this.handling = handling;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The organization's alert history, newest first, filtered, a page at a time (viewer)")
    public Uni<AlertView.Page> list(@QueryParam("siteId") String siteId, @QueryParam("unitId") String unitId,
            @QueryParam("state") String state, @QueryParam("severity") String severity,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        // Parsed here rather than by JAX-RS, which answers an unparseable query parameter with 404.
        QueryingAlerts.Filter filter = new QueryingAlerts.Filter(parse("siteId", siteId, UUID::fromString),
                parse("unitId", unitId, UUID::fromString),
                parse("state", state, v -> AlertState.find(v).orElseThrow(IllegalArgumentException::new)),
                parse("severity", severity, v -> Arrays.stream(Severity.values())
                        .filter(s -> s.wireName().equals(v)).findFirst().orElseThrow(IllegalArgumentException::new)),
                parse("from", from, Instant::parse), parse("to", to, Instant::parse));
        Integer parsedLimit = parse("limit", limit, Integer::valueOf);
        int pageSize = parsedLimit == null ? DEFAULT_LIMIT : parsedLimit;
        if (pageSize < 1 || pageSize > QueryingAlerts.MAX_LIMIT) {
            throw ProblemException.validation("limit must be from 1 to " + QueryingAlerts.MAX_LIMIT + ".");
        }
        return querying.list(caller.get(), filter, cursor == null || cursor.isBlank() ? null : cursor, pageSize)
                .map(page -> new AlertView.Page(page.alerts().stream().map(a -> AlertView.of(a, null)).toList(),
                        page.nextCursor()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One alert of the organization with its timeline (viewer)")
    public Uni<AlertView> get(@PathParam("id") UUID id) {
        return querying.get(caller.get(), id).map(a -> AlertView.of(a.alert(), a.timeline()));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "Acknowledge an open alert with a note (staff): reminders and escalation stop")
    public Uni<AlertView> acknowledge(@PathParam("id") UUID id, AlertView.NoteRequest request) {
        return handling.acknowledge(caller.get(), id, request == null ? null : request.note()).chain(this::get);
    }

    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Resolve an alert by hand with a note (manager)")
    public Uni<AlertView> resolve(@PathParam("id") UUID id, AlertView.NoteRequest request) {
        return handling.resolve(caller.get(), id, request == null ? null : request.note()).chain(this::get);
    }

    private static <T> T parse(String name, String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ProblemException.validation(name + " '" + value + "' is not valid.");
        }
    }
}
