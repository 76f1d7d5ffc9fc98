package dev.frostline.alert.rest;

import dev.frostline.alert.repository.StoredRule;

/**
 * One rule in force for a unit. {@code from} says where it came from: the scope of the winning
 * rule ({@code unit}, {@code area}, {@code site}, {@code org_unit_type}, {@code org}, or
 * {@code platform_default} for Frostline's shipped defaults).
 */
public record EffectiveRuleView(String kind, String metric, RuleView.ScopeView from, RuleView rule) {

    static EffectiveRuleView of(StoredRule stored) {
        RuleView rule = RuleView.of(stored);
        return new EffectiveRuleView(rule.kind(), rule.metric(), rule.scope(), rule);
    }
}
