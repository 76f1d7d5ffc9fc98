package dev.frostline.alert.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Decides which rules are in force for one unit: of all rules that apply to it (its org's, plus
 * Frostline's {@link DefaultRules} for its type), the most specific one per {@link RuleKey} wins.
 * Specificity is {@link RuleScope#rank()}: unit &gt; area &gt; site &gt; org-for-unit-type &gt; org
 * &gt; platform default. A more specific rule replaces a wider one entirely (its thresholds,
 * durations, severity and escalation); nothing is merged field by field, so what a listing shows
 * is exactly what is evaluated.
 */
public final class ResolvingRulePrecedence {

    private final Function<String, List<AlertRule>> platformDefaults;

    /** With Frostline's shipped defaults. */
    public ResolvingRulePrecedence() {
        this(DefaultRules::forUnitType);
    }

    /** @param platformDefaults the lowest-precedence rules for a unit type (never null, maybe empty) */
    public ResolvingRulePrecedence(Function<String, List<AlertRule>> platformDefaults) {
        this.platformDefaults = Objects.requireNonNull(platformDefaults, "platformDefaults");
    }

    /**
     * @param orgRules any rules of the unit's org; those whose scope does not reach the unit are ignored
     * @return one rule per key, ordered by key
     * @throws InvalidRule if two rules of the same scope and key both apply (rule storage must prevent it)
     */
    public List<EffectiveRule> effectiveRules(UnitPlacement unit, Collection<AlertRule> orgRules) {
        Map<RuleKey, AlertRule> winners = new TreeMap<>();
        List<AlertRule> candidates = new ArrayList<>(orgRules);
        if (unit.unitType() != null) {
            candidates.addAll(platformDefaults.apply(unit.unitType()));
        }
        for (AlertRule rule : candidates) {
            if (!rule.scope().appliesTo(unit)) {
                continue;
            }
            AlertRule current = winners.get(rule.key());
            if (current == null || rule.scope().rank() > current.scope().rank()) {
                winners.put(rule.key(), rule);
            } else if (rule.scope().rank() == current.scope().rank()) {
                throw new InvalidRule("Two " + rule.scope().level() + " rules for " + rule.key() + " apply to unit "
                        + unit.unitId() + " (" + current.id() + " and " + rule.id() + "); keep one.");
            }
        }
        return winners.entrySet().stream().map(e -> new EffectiveRule(e.getKey(), e.getValue())).toList();
    }
}
