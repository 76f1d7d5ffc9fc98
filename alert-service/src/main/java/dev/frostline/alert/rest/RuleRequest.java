package dev.frostline.alert.rest;

import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.escalation.EscalationStep;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.DefaultRules;
import dev.frostline.alert.rule.Hysteresis;
import dev.frostline.alert.rule.InvalidRule;
import dev.frostline.alert.rule.LowBatteryCondition;
import dev.frostline.alert.rule.OfflineCondition;
import dev.frostline.alert.rule.RuleCondition;
import dev.frostline.alert.rule.RuleKind;
import dev.frostline.alert.rule.Severity;
import dev.frostline.alert.rule.ThresholdCondition;
import dev.frostline.alert.threshold.Bounds;
import dev.frostline.alert.threshold.MetricNames;
import dev.frostline.alert.repository.RuleRows;
import dev.frostline.contracts.Metric;
import dev.frostline.contracts.Role;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A rule as the API takes it. Durations are ISO-8601 ({@code PT15M}) in whole seconds.
 *
 * @param kind {@code threshold} (needs metric and min and/or max), {@code offline} (needs
 *        offlineAfter) or {@code low_battery} (needs belowPercent)
 * @param excursionDuration how long out of range before it alarms; default none (at once)
 * @param deadband how far back inside the range counts as restored; default 0
 * @param minimumRestore how long back in range before the alarm is restored; default none
 * @param severity {@code warning} (default) or {@code critical}
 * @param escalation default: the shipped policy of the severity (see DefaultRules)
 */
public record RuleRequest(
        ScopeRequest scope,
        String kind,
        String metric,
        Double min,
        Double max,
        Duration offlineAfter,
        Double belowPercent,
        Duration excursionDuration,
        Double deadband,
        Duration minimumRestore,
        String severity,
        EscalationRequest escalation) {

    /** @param level org, org_unit_type, site, area or unit; @param id the site, area or unit */
    public record ScopeRequest(String level, UUID id, String unitType) {
    }

    /** @param firstAudience the lowest role told when it opens; @param renotifyEvery null for never */
    public record EscalationRequest(String firstAudience, Duration renotifyEvery, List<StepRequest> steps) {
    }

    public record StepRequest(Duration after, String audience) {
    }

    AlertRule toRule(UUID id, UUID orgId) {
        if (scope == null || scope.level() == null) {
            throw new InvalidRule("Give the rule's scope: {\"level\": \"org\" | \"org_unit_type\" | \"site\" | \"area\""
                    + " | \"unit\", \"id\": ..., \"unitType\": ...}.");
        }
        boolean needsId = List.of("site", "area", "unit").contains(scope.level());
        if (needsId && scope.id() == null) {
            throw new InvalidRule("A " + scope.level() + " rule needs the " + scope.level() + "'s id in scope.id.");
        }
        if (!needsId && scope.id() != null) {
            throw new InvalidRule("An " + scope.level() + " rule takes no scope.id.");
        }
        if (!"org_unit_type".equals(scope.level()) && scope.unitType() != null) {
            throw new InvalidRule("scope.unitType belongs to org_unit_type rules only.");
        }
        if (!List.of("org", "org_unit_type", "site", "area", "unit").contains(scope.level())) {
            throw new InvalidRule("Unknown scope level '" + scope.level()
                    + "'; use org, org_unit_type, site, area or unit.");
        }
        Severity parsedSeverity = severity == null ? Severity.WARNING : parseSeverity(severity);
        return new AlertRule(id, RuleRows.scope(scope.level(), orgId, scope.id(), scope.unitType()), condition(),
                excursionDuration == null ? Duration.ZERO : excursionDuration,
                new Hysteresis(deadband == null ? 0 : deadband, minimumRestore == null ? Duration.ZERO : minimumRestore),
                parsedSeverity, escalation == null ? DefaultRules.escalationFor(parsedSeverity) : policy(escalation));
    }

    private RuleCondition condition() {
        RuleKind parsed = Arrays.stream(RuleKind.values()).filter(k -> k.wireName().equals(kind)).findFirst()
                .orElseThrow(() -> new InvalidRule("Unknown rule kind '" + kind
                        + "'; use threshold, offline or low_battery."));
        switch (parsed) {
            case THRESHOLD -> {
                if (metric == null) {
                    throw new InvalidRule("A threshold rule needs a metric.");
                }
                Metric parsedMetric = MetricNames.parse(metric);
                return new ThresholdCondition(parsedMetric, new Bounds(min, max));
            }
            case OFFLINE -> {
                if (offlineAfter == null) {
                    throw new InvalidRule("An offline rule needs offlineAfter (for example PT30M).");
                }
                return new OfflineCondition(offlineAfter);
            }
            default -> {
                if (belowPercent == null) {
                    throw new InvalidRule("A low_battery rule needs belowPercent.");
                }
                return new LowBatteryCondition(belowPercent);
            }
        }
    }

    private static Severity parseSeverity(String value) {
        return Arrays.stream(Severity.values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidRule("Unknown severity '" + value + "'; use warning or critical."));
    }

    private static EscalationPolicy policy(EscalationRequest request) {
        List<EscalationStep> steps = request.steps() == null ? List.of() : request.steps().stream()
                .map(step -> new EscalationStep(step.after(), role(step.audience()))).toList();
        return new EscalationPolicy(role(request.firstAudience() == null ? "staff" : request.firstAudience()),
                request.renotifyEvery(), steps);
    }

    private static Role role(String value) {
        try {
            return Role.fromClaim(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRule("Unknown role '" + value + "'; use one of " + Arrays.stream(Role.values())
                    .map(Role::claimValue).collect(Collectors.joining(", ")) + ".");
        }
    }

}
