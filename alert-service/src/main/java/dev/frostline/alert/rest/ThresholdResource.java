package dev.frostline.alert.rest;

import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.DefaultRules;
import dev.frostline.alert.rule.Hysteresis;
import dev.frostline.alert.rule.RuleScope;
import dev.frostline.alert.rule.Severity;
import dev.frostline.alert.rule.ThresholdCondition;
import dev.frostline.alert.service.ManagingRules;
import dev.frostline.alert.threshold.Bounds;
import dev.frostline.alert.threshold.MetricNames;
import dev.frostline.contracts.Metric;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The walking skeleton's route, kept for its clients: a unit's min/max for one metric is a unit
 * threshold rule that alarms at once, with no deadband, critical. Everything else is /rules.
 */
@Path("/api/alerts/units/{unitId}/thresholds")
@Authenticated
public class ThresholdResource {

    private final ManagingRules rules;
    private final CurrentCaller caller;

    public ThresholdResource(ManagingRules rules, CurrentCaller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @PUT
    @Path("/{metric}")
    @Operation(summary = "Set the min and/or max of one metric of a unit (manager): a unit threshold rule")
    public Uni<RuleView> set(@PathParam("unitId") UUID unitId, @PathParam("metric") String metric,
            @NotNull ThresholdRequest request) {
        var who = caller.get();
        Metric parsed = MetricNames.parse(metric);
        Bounds bounds = new Bounds(request.min(), request.max());
        EscalationPolicy escalation = DefaultRules.escalationFor(Severity.CRITICAL);
        return rules.setUnitThreshold(who, unitId, id -> new AlertRule(id, new RuleScope.Unit(who.orgId(), unitId),
                        new ThresholdCondition(parsed, bounds), Duration.ZERO, Hysteresis.NONE, Severity.CRITICAL,
                        escalation))
                .map(RuleView::of);
    }
}
