package dev.frostline.alert.rest;

import dev.frostline.alert.service.ManagingRules;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Alert rules of the caller's org. Reading needs viewer, writing manager. A rule's ETag is its
 * version; PUT and DELETE honour an If-Match (412 if the rule changed meanwhile) and work without one.
 */
@Path("/api/alerts")
@Authenticated
public class RuleResource {

    private final ManagingRules rules;
    private final CurrentCaller caller;

    public RuleResource(ManagingRules rules, CurrentCaller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @Path("/rules")
    @Operation(summary = "List the organization's rules (viewer)")
    public Uni<List<RuleView>> list() {
        return rules.list(caller.get()).map(list -> list.stream().map(RuleView::of).toList());
    }

    @POST
    @Path("/rules")
    @Operation(summary = "Create a rule (manager); it applies to running state at once")
    public Uni<Response> create(@NotNull RuleRequest request) {
        var who = caller.get();
        return rules.create(who, id -> request.toRule(id, who.orgId())).map(stored -> Response
                .created(URI.create("/api/alerts/rules/" + stored.rule().id()))
                .tag(etag(stored.version())).entity(RuleView.of(stored)).build());
    }

    @GET
    @Path("/rules/{id}")
    @Operation(summary = "One rule (viewer)")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return rules.get(caller.get(), id)
                .map(stored -> Response.ok(RuleView.of(stored)).tag(etag(stored.version())).build());
    }

    @PUT
    @Path("/rules/{id}")
    @Operation(summary = "Replace a rule (manager); If-Match optional")
    public Uni<Response> replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull RuleRequest request) {
        var who = caller.get();
        return rules.replace(who, id, version(ifMatch), ruleId -> request.toRule(ruleId, who.orgId()))
                .map(stored -> Response.ok(RuleView.of(stored)).tag(etag(stored.version())).build());
    }

    @DELETE
    @Path("/rules/{id}")
    @Operation(summary = "Delete a rule (manager); If-Match optional")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return rules.delete(caller.get(), id, version(ifMatch)).map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/units/{unitId}/effective-rules")
    @Operation(summary = "The rules in force for a unit, one per kind and metric, each with where it came from (viewer)")
    public Uni<List<EffectiveRuleView>> effective(@PathParam("unitId") UUID unitId) {
        return rules.effective(caller.get(), unitId).map(list -> list.stream().map(EffectiveRuleView::of).toList());
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match names: {@code "3"} or {@code W/"3"}; null when absent or {@code *}. */
    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.validation("If-Match '" + ifMatch + "' is not an ETag this API returned.");
        }
    }
}
