package dev.frostline.alert.service;

import dev.frostline.alert.repository.StoredRule;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.DefaultRules;
import dev.frostline.alert.rule.EffectiveRule;
import dev.frostline.alert.rule.ResolvingRulePrecedence;
import dev.frostline.alert.rule.RuleKey;
import dev.frostline.alert.rule.RuleScope;
import dev.frostline.alert.rule.UnitPlacement;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ResolvingRulePrecedence} over stored rules: the rules in force for a unit, each with the
 * version it is stored at. The shipped defaults of a unit type are built once, not per reading.
 *
 * <p>An org with thousands of units has thousands of unit rules: resolving every unit of a batch (or
 * every state a rule change touches) against all of them is units × rules. {@link #index} groups an
 * org's rules once by the site, area or unit their scope names, so each unit is resolved against the
 * few that can reach it.
 */
@ApplicationScoped
public class RulePrecedence {

    private final Map<String, List<AlertRule>> defaults = new ConcurrentHashMap<>();
    private final ResolvingRulePrecedence precedence =
            new ResolvingRulePrecedence(type -> defaults.computeIfAbsent(type, DefaultRules::forUnitType));

    /** One rule per key, ordered by key. */
    public Map<RuleKey, StoredRule> effective(UnitPlacement unit, List<StoredRule> orgRules) {
        Map<UUID, StoredRule> byId = new HashMap<>();
        List<AlertRule> rules = new ArrayList<>(orgRules.size());
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

    /** {@link #effective(UnitPlacement, List)} against an org's indexed rules: the same answer. */
    public Map<RuleKey, StoredRule> effective(UnitPlacement unit, OrgRules orgRules) {
        return effective(unit, orgRules.reaching(unit));
    }

    public static OrgRules index(List<StoredRule> orgRules) {
        return new OrgRules(orgRules);
    }

    /**
     * An org's rules by the place their scope names. Org and org-for-unit-type rules may reach any
     * unit, so every unit gets them; a site, area or unit rule only the units of that site, area or
     * unit. {@link ResolvingRulePrecedence} still checks every candidate's scope.
     */
    public static final class OrgRules {

        private final List<StoredRule> orgWide = new ArrayList<>();
        private final Map<UUID, List<StoredRule>> bySite = new HashMap<>();
        private final Map<UUID, List<StoredRule>> byArea = new HashMap<>();
        private final Map<UUID, List<StoredRule>> byUnit = new HashMap<>();

        private OrgRules(List<StoredRule> rules) {
            for (StoredRule stored : rules) {
                RuleScope scope = stored.rule().scope();
                if (scope instanceof RuleScope.Site site) {
                    bySite.computeIfAbsent(site.siteId(), id -> new ArrayList<>()).add(stored);
                } else if (scope instanceof RuleScope.Area area) {
                    byArea.computeIfAbsent(area.areaId(), id -> new ArrayList<>()).add(stored);
                } else if (scope instanceof RuleScope.Unit unit) {
                    byUnit.computeIfAbsent(unit.unitId(), id -> new ArrayList<>()).add(stored);
                } else {
                    orgWide.add(stored);
                }
            }
        }

        /** The rules whose scope may reach this unit. */
        List<StoredRule> reaching(UnitPlacement unit) {
            List<StoredRule> candidates = new ArrayList<>(orgWide);
            add(candidates, bySite, unit.siteId());
            add(candidates, byArea, unit.areaId());
            add(candidates, byUnit, unit.unitId());
            return candidates;
        }

        private static void add(List<StoredRule> candidates, Map<UUID, List<StoredRule>> byPlace, UUID place) {
            if (place != null) {
                candidates.addAll(byPlace.getOrDefault(place, List.of()));
            }
        }
    }
}
