package dev.frostline.alert.service;

import static dev.frostline.alert.rule.Rules.lowBattery;
import static dev.frostline.alert.rule.Rules.offline;
import static dev.frostline.alert.rule.Rules.temperature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.frostline.alert.repository.StoredRule;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.DefaultRules;
import dev.frostline.alert.rule.RuleScope;
import dev.frostline.alert.rule.UnitPlacement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RulePrecedenceTest {

    private final RulePrecedence precedence = new RulePrecedence();

    @Test
    void indexedRulesResolveEveryUnitAsAllRulesDo() {
        Random random = new Random(7);
        UUID org = UUID.randomUUID();
        List<UUID> sites = ids(3);
        List<UUID> areas = ids(6);
        List<UnitPlacement> units = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            units.add(new UnitPlacement(org, sites.get(i % 3), areas.get(i % 6), UUID.randomUUID(),
                    i % 3 == 0 ? DefaultRules.FREEZER : DefaultRules.FRIDGE));
        }
        // Units the projection does not know yet: placed by the reading, no area or type.
        units.add(new UnitPlacement(org, sites.get(0), null, UUID.randomUUID(), null));
        List<AlertRule> rules = new ArrayList<>();
        rules.add(temperature(new RuleScope.Org(org), 0.0, 8.0));
        rules.add(offline(new RuleScope.Org(org), Duration.ofMinutes(30)));
        rules.add(temperature(new RuleScope.OrgUnitType(org, DefaultRules.FREEZER), null, -18.0));
        rules.add(lowBattery(new RuleScope.Site(org, sites.get(1)), 20));
        rules.add(temperature(new RuleScope.Site(org, sites.get(2)), 1.0, 7.0));
        rules.add(temperature(new RuleScope.Area(org, areas.get(4)), 2.0, 6.0));
        rules.add(offline(new RuleScope.Area(org, areas.get(5)), Duration.ofMinutes(5)));
        for (UnitPlacement unit : units) {
            if (random.nextInt(3) == 0) {
                rules.add(temperature(new RuleScope.Unit(org, unit.unitId()), 3.0, 5.0));
            }
        }
        // Places that reach none of these units.
        rules.add(temperature(new RuleScope.Site(org, UUID.randomUUID()), 0.0, 1.0));
        rules.add(temperature(new RuleScope.Unit(org, UUID.randomUUID()), 0.0, 1.0));
        List<StoredRule> stored = rules.stream().map(r -> new StoredRule(r, 1, Instant.EPOCH, Instant.EPOCH)).toList();

        RulePrecedence.OrgRules indexed = RulePrecedence.index(stored);
        for (UnitPlacement unit : units) {
            assertEquals(precedence.effective(unit, stored), precedence.effective(unit, indexed), "unit " + unit);
        }
    }

    private static List<UUID> ids(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }
}
