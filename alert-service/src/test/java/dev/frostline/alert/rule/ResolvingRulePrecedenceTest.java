package dev.frostline.alert.rule;

import static dev.frostline.alert.rule.Rules.lowBattery;
import static dev.frostline.alert.rule.Rules.offline;
import static dev.frostline.alert.rule.Rules.temperature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.alert.threshold.Bounds;
import dev.frostline.contracts.Metric;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResolvingRulePrecedenceTest {

    private static final RuleKey TEMPERATURE = new RuleKey(RuleKind.THRESHOLD, Metric.TEMPERATURE_C);
    private static final RuleKey OFFLINE = new RuleKey(RuleKind.OFFLINE, null);

    private final UUID org = UUID.randomUUID();
    private final UnitPlacement fridge = new UnitPlacement(org, UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), DefaultRules.FRIDGE);
    private final ResolvingRulePrecedence precedence = new ResolvingRulePrecedence();

    private final AlertRule orgRule = temperature(new RuleScope.Org(org), 1.0, 9.0);
    private final AlertRule orgFridgeRule = temperature(new RuleScope.OrgUnitType(org, DefaultRules.FRIDGE), 1.0, 8.0);
    private final AlertRule siteRule = temperature(new RuleScope.Site(org, fridge.siteId()), 1.0, 7.0);
    private final AlertRule areaRule = temperature(new RuleScope.Area(org, fridge.areaId()), 1.0, 6.0);
    private final AlertRule unitRule = temperature(new RuleScope.Unit(org, fridge.unitId()), 1.0, 4.0);

    private Optional<EffectiveRule> effective(RuleKey key, List<AlertRule> rules) {
        return precedence.effectiveRules(fridge, rules).stream().filter(e -> e.key().equals(key)).findFirst();
    }

    private RuleScope winnerOf(AlertRule... rules) {
        return effective(TEMPERATURE, List.of(rules)).orElseThrow().from();
    }

    @Test
    void unitRuleBeatsEveryWiderRule() {
        assertThat(winnerOf(orgRule, orgFridgeRule, siteRule, areaRule, unitRule)).isEqualTo(unitRule.scope());
    }

    @Test
    void areaRuleBeatsSiteOrgForUnitTypeAndOrg() {
        assertThat(winnerOf(orgRule, orgFridgeRule, siteRule, areaRule)).isEqualTo(areaRule.scope());
    }

    @Test
    void siteRuleBeatsOrgForUnitTypeAndOrg() {
        assertThat(winnerOf(orgRule, siteRule, orgFridgeRule)).isEqualTo(siteRule.scope());
    }

    @Test
    void orgRuleForTheUnitTypeBeatsThePlainOrgRule() {
        assertThat(winnerOf(orgFridgeRule, orgRule)).isEqualTo(orgFridgeRule.scope());
    }

    @Test
    void orgRuleBeatsThePlatformDefault() {
        assertThat(winnerOf(orgRule)).isEqualTo(orgRule.scope());
    }

    @Test
    void withoutOrgRulesThePlatformDefaultForTheUnitTypeApplies() {
        EffectiveRule rule = effective(TEMPERATURE, List.of()).orElseThrow();
        assertThat(rule.from()).isEqualTo(new RuleScope.PlatformDefault(DefaultRules.FRIDGE));
        assertThat(((ThresholdCondition) rule.rule().condition()).bounds()).isEqualTo(new Bounds(0.0, 5.0));
    }

    @Test
    void unitTypeDefaultIsOverriddenByASiteRule() {
        EffectiveRule rule = effective(TEMPERATURE, List.of(siteRule)).orElseThrow();
        assertThat(rule.from()).isEqualTo(siteRule.scope());
        assertThat(rule.rule()).isSameAs(siteRule);
    }

    @Test
    void orgRuleForAUnitTypeOverridesThatTypesDefault() {
        assertThat(winnerOf(orgFridgeRule)).isEqualTo(orgFridgeRule.scope());
    }

    @Test
    void theMostSpecificRuleWinsPerKindAndMetricIndependently() {
        AlertRule unitOffline = offline(new RuleScope.Unit(org, fridge.unitId()), Duration.ofMinutes(5));
        List<EffectiveRule> rules = precedence.effectiveRules(fridge, List.of(siteRule, unitOffline));
        assertThat(rules).extracting(EffectiveRule::key).containsExactly(TEMPERATURE, OFFLINE,
                new RuleKey(RuleKind.LOW_BATTERY, Metric.BATTERY_PCT));
        assertThat(rules).extracting(EffectiveRule::from).containsExactly(siteRule.scope(), unitOffline.scope(),
                new RuleScope.PlatformDefault(DefaultRules.FRIDGE));
    }

    @Test
    void aThresholdOnAnotherMetricDoesNotOverrideTemperature() {
        AlertRule humidity = new AlertRule(UUID.randomUUID(), new RuleScope.Unit(org, fridge.unitId()),
                new ThresholdCondition(Metric.HUMIDITY_PCT, new Bounds(null, 90.0)), Duration.ZERO, Hysteresis.NONE,
                Severity.WARNING, DefaultRules.WARNING_ESCALATION);
        assertThat(effective(TEMPERATURE, List.of(humidity)).orElseThrow().from())
                .isInstanceOf(RuleScope.PlatformDefault.class);
        assertThat(effective(new RuleKey(RuleKind.THRESHOLD, Metric.HUMIDITY_PCT), List.of(humidity))).isPresent();
    }

    @Test
    void rulesOfOtherSitesAreasUnitsAndTypesDoNotApply() {
        AlertRule otherSite = temperature(new RuleScope.Site(org, UUID.randomUUID()), 1.0, 2.0);
        AlertRule otherArea = temperature(new RuleScope.Area(org, UUID.randomUUID()), 1.0, 2.0);
        AlertRule otherUnit = temperature(new RuleScope.Unit(org, UUID.randomUUID()), 1.0, 2.0);
        AlertRule freezers = temperature(new RuleScope.OrgUnitType(org, DefaultRules.FREEZER), null, -20.0);
        assertThat(winnerOf(orgRule, otherSite, otherArea, otherUnit, freezers)).isEqualTo(orgRule.scope());
    }

    @Test
    void anotherOrgsRulesNeverApplyEvenWithTheSameSiteOrUnitId() {
        UUID otherOrg = UUID.randomUUID();
        AlertRule foreignUnit = temperature(new RuleScope.Unit(otherOrg, fridge.unitId()), 1.0, 2.0);
        AlertRule foreignSite = temperature(new RuleScope.Site(otherOrg, fridge.siteId()), 1.0, 2.0);
        AlertRule foreignOrg = lowBattery(new RuleScope.Org(otherOrg), 50);
        List<EffectiveRule> rules = precedence.effectiveRules(fridge, List.of(foreignUnit, foreignSite, foreignOrg));
        assertThat(rules).extracting(EffectiveRule::from)
                .allMatch(scope -> scope instanceof RuleScope.PlatformDefault);
    }

    @Test
    void aUnitOfAnUnknownTypeGetsOnlyTheRulesEveryTypeShares() {
        UnitPlacement other = new UnitPlacement(org, null, null, UUID.randomUUID(), "other");
        assertThat(precedence.effectiveRules(other, List.of())).extracting(EffectiveRule::key)
                .containsExactly(OFFLINE, new RuleKey(RuleKind.LOW_BATTERY, Metric.BATTERY_PCT));
    }

    @Test
    void twoRulesOfTheSameScopeAndKeyAreAConflict() {
        AlertRule another = temperature(new RuleScope.Site(org, fridge.siteId()), 2.0, 3.0);
        assertThatThrownBy(() -> precedence.effectiveRules(fridge, List.of(siteRule, another)))
                .isInstanceOf(InvalidRule.class).hasMessageContaining("Two site rules for threshold temperature_c");
    }
}
