package dev.frostline.alert.rest;

import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.repository.RuleRows;
import dev.frostline.alert.repository.StoredRule;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.LowBatteryCondition;
import dev.frostline.alert.rule.OfflineCondition;
import dev.frostline.alert.rule.RuleScope;
import dev.frostline.alert.rule.ThresholdCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A rule as the API shows it (durations ISO-8601); the same shape as {@link RuleRequest}, plus its ID, version and times. */
public record RuleView(UUID id, ScopeView scope, String kind, String metric, Double min, Double max,
        String offlineAfter, Double belowPercent, String excursionDuration, double deadband,
        String minimumRestore, String severity, EscalationView escalation, long version, Instant createdAt,
        Instant updatedAt) {

    /** @param level org, org_unit_type, site, area, unit or platform_default */
    public record ScopeView(String level, UUID id, String unitType) {

        static ScopeView of(RuleScope scope) {
            String unitType = scope instanceof RuleScope.PlatformDefault d ? d.unitType() : RuleRows.scopeUnitType(scope);
            return new ScopeView(scope.level(), RuleRows.scopeId(scope), unitType);
        }
    }

    public record EscalationView(String firstAudience, String renotifyEvery, List<StepView> steps) {

        static EscalationView of(EscalationPolicy policy) {
            return new EscalationView(policy.firstAudience().claimValue(), iso(policy.renotifyEvery()), policy.steps()
                    .stream().map(s -> new StepView(iso(s.after()), s.audience().claimValue())).toList());
        }
    }

    public record StepView(String after, String audience) {
    }

    /** Durations as ISO-8601, the form requests take (Jackson would write seconds). */
    static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    static RuleView of(StoredRule stored) {
        AlertRule rule = stored.rule();
        Double min = null;
        Double max = null;
        Double below = null;
        Duration silence = null;
        if (rule.condition() instanceof ThresholdCondition threshold) {
            min = threshold.bounds().min();
            max = threshold.bounds().max();
        } else if (rule.condition() instanceof LowBatteryCondition battery) {
            below = battery.belowPercent();
        } else if (rule.condition() instanceof OfflineCondition offline) {
            silence = offline.silence();
        }
        return new RuleView(rule.id(), ScopeView.of(rule.scope()), rule.key().kind().wireName(),
                rule.key().metric() == null ? null : rule.key().metric().wireName(), min, max, iso(silence), below,
                iso(rule.excursionDuration()), rule.hysteresis().deadband(), iso(rule.hysteresis().minimumRestore()),
                rule.severity().wireName(), EscalationView.of(rule.escalation()), stored.version(), stored.createdAt(),
                stored.updatedAt());
    }
}
