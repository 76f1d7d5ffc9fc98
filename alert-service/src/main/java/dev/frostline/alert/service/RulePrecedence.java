package dev.frostline.alert.service;

import dev.frostline.alert.repository.StoredRule;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.DefaultRules;
import dev.frostline.alert.rule.EffectiveRule;
import dev.frostline.alert.rule.ResolvingRulePrecedence;
import dev.frostline.alert.rule.RuleKey;
import dev.frostline.alert.rule.UnitPlacement;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ResolvingRulePrecedence} over stored rules: the rules in force for a unit, each with the
 * version it is stored at. The shipped defaults of a unit type are built once, not per reading.
 */
@ApplicationScoped
public class RulePrecedence {

    private final Map<String, List<AlertRule>> defaults = new ConcurrentHashMap<>();
    private final ResolvingRulePrecedence precedence =
            new ResolvingRulePrecedence(type -> defaults.computeIfAbsent(type, DefaultRules::forUnitType));

    /** One rule per key, ordered by key. */
    public Map<RuleKey, StoredRule> effective(UnitPlacement unit, List<StoredRule> orgRules) {
        Map<UUID, StoredRule> byId = new HashMap<>();
        List<AlertRule> rules = new java.util.ArrayList<>(orgRules.size());
        for (StoredRule stored : orgRules) {
            byId.put(stored.rule().id(), stored);
            rules.add(stored.rule());
        }
        Map<RuleKey, StoredRule> effective = new LinkedHashMap<>();
        for (EffectiveRule rule : precedence.effectiveRules(unit, rules)) {
            StoredRule stored = byId.get(rule.rule().id());
            effective.put(rule.key(), stored != null ? stored : StoredRule.platformDefault(rule.rule()));
        }
        return effective;
    }
}
