package dev.frostline.alert.rule;

import static dev.frostline.alert.rule.Rules.temperature;

import dev.frostline.contracts.Metric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Any mix of rules at any levels, in any order, some of them for other units and orgs. */
class ResolvingRulePrecedencePropertyTest {

    private static final RuleKey TEMPERATURE = new RuleKey(RuleKind.THRESHOLD, Metric.TEMPERATURE_C);

    @Property(tries = 300)
    void theApplicableRuleOfTheMostSpecificScopeWinsWhateverTheOrder(@ForAll boolean unit, @ForAll boolean area,
            @ForAll boolean site, @ForAll boolean orgType, @ForAll boolean org, @ForAll boolean foreign,
            @ForAll long shuffleSeed) {
        UUID orgId = UUID.randomUUID();
        UnitPlacement placement = new UnitPlacement(orgId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                DefaultRules.FREEZER);
        List<AlertRule> rules = new ArrayList<>();
        RuleScope expected = new RuleScope.PlatformDefault(DefaultRules.FREEZER);
        // Added from least to most specific, so the last one added is the one that must win.
        if (org) {
            rules.add(temperature(expected = new RuleScope.Org(orgId), null, -15.0));
        }
        if (orgType) {
            rules.add(temperature(expected = new RuleScope.OrgUnitType(orgId, DefaultRules.FREEZER), null, -16.0));
        }
        if (site) {
            rules.add(temperature(expected = new RuleScope.Site(orgId, placement.siteId()), null, -17.0));
        }
        if (area) {
            rules.add(temperature(expected = new RuleScope.Area(orgId, placement.areaId()), null, -19.0));
        }
        if (unit) {
            rules.add(temperature(expected = new RuleScope.Unit(orgId, placement.unitId()), null, -20.0));
        }
        if (foreign) {
            UUID otherOrg = UUID.randomUUID();
            rules.add(temperature(new RuleScope.Unit(otherOrg, placement.unitId()), null, -30.0));
            rules.add(temperature(new RuleScope.Site(orgId, UUID.randomUUID()), null, -30.0));
            rules.add(temperature(new RuleScope.OrgUnitType(orgId, DefaultRules.FRIDGE), 0.0, 5.0));
        }
        Collections.shuffle(rules, new Random(shuffleSeed));
        RuleScope winner = new ResolvingRulePrecedence().effectiveRules(placement, rules).stream()
                .filter(e -> e.key().equals(TEMPERATURE)).findFirst().orElseThrow().from();
        if (!winner.equals(expected)) {
            throw new AssertionError("expected " + expected + " to win over " + rules + " but got " + winner);
        }
    }
}
