package dev.frostline.alert.rule;

/** A rule in force for a unit, with the scope it came from (what {@code GET} effective rules shows). */
public record EffectiveRule(RuleKey key, AlertRule rule) {

    public RuleScope from() {
        return rule.scope();
    }
}
