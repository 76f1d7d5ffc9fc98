package dev.frostline.alert.rule;

import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.escalation.EscalationStep;
import dev.frostline.alert.threshold.Bounds;
import dev.frostline.contracts.Metric;
import dev.frostline.contracts.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rules Frostline ships, at the lowest precedence: any org rule for the same kind and metric
 * replaces them. Values follow common food-safety practice (HACCP cold-holding guidance):
 *
 * <table>
 *   <caption>Shipped defaults</caption>
 *   <tr><th>unit type</th><th>temperature</th><th>out for</th><th>deadband / restore</th><th>severity</th></tr>
 *   <tr><td>fridge, walk_in</td><td>0 .. 5 °C</td><td>15 min</td><td>0.5 °C / 5 min</td><td>critical</td></tr>
 *   <tr><td>freezer</td><td>at most -18 °C</td><td>30 min</td><td>1 °C / 10 min</td><td>critical</td></tr>
 *   <tr><td>room</td><td>15 .. 25 °C</td><td>30 min</td><td>0.5 °C / 10 min</td><td>warning</td></tr>
 *   <tr><td>every type</td><td colspan="4">offline after 30 min without a reading (warning);
 *       battery below 20 %, recovered at 25 % (warning)</td></tr>
 * </table>
 *
 * <p>Why these: 5 °C is the recommended fridge maximum (8 °C is the legal limit in the UK), and a
 * door opening or a delivery lifts the air temperature for minutes, hence 15 minutes before an
 * alarm. Freezers run defrost cycles, hence 30 minutes. Critical alerts remind every 15 minutes and
 * escalate to managers after 30 and admins after 60; warnings remind hourly and reach managers after
 * two hours.
 *
 * <p>Unit types are the catalog's wire values ({@code UnitType} in catalog-service); alert-service
 * receives them as strings on the unit projection.
 */
public final class DefaultRules {

    public static final String FRIDGE = "fridge";
    public static final String FREEZER = "freezer";
    public static final String WALK_IN = "walk_in";
    public static final String ROOM = "room";

    public static final Duration OFFLINE_AFTER = Duration.ofMinutes(30);
    public static final double LOW_BATTERY_BELOW_PCT = 20;

    public static final EscalationPolicy CRITICAL_ESCALATION = new EscalationPolicy(Role.STAFF,
            Duration.ofMinutes(15), List.of(new EscalationStep(Duration.ofMinutes(30), Role.MANAGER),
                    new EscalationStep(Duration.ofMinutes(60), Role.ADMIN)));
    public static final EscalationPolicy WARNING_ESCALATION = new EscalationPolicy(Role.STAFF,
            Duration.ofMinutes(60), List.of(new EscalationStep(Duration.ofMinutes(120), Role.MANAGER)));

    private static final Map<String, Temperature> TEMPERATURE = Map.of(
            FRIDGE, new Temperature(0.0, 5.0, 15, 0.5, 5, Severity.CRITICAL),
            WALK_IN, new Temperature(0.0, 5.0, 15, 0.5, 5, Severity.CRITICAL),
            FREEZER, new Temperature(null, -18.0, 30, 1.0, 10, Severity.CRITICAL),
            ROOM, new Temperature(15.0, 25.0, 30, 0.5, 10, Severity.WARNING));

    private DefaultRules() {
    }

    /** The shipped rules for a unit type: temperature (for known cold-space types), offline, low battery. */
    public static List<AlertRule> forUnitType(String unitType) {
        RuleScope scope = new RuleScope.PlatformDefault(unitType);
        List<AlertRule> rules = new ArrayList<>();
        Temperature temperature = TEMPERATURE.get(unitType);
        if (temperature != null) {
            rules.add(new AlertRule(id(unitType, "temperature"), scope,
                    new ThresholdCondition(Metric.TEMPERATURE_C, new Bounds(temperature.min, temperature.max)),
                    Duration.ofMinutes(temperature.outForMinutes),
                    new Hysteresis(temperature.deadband, Duration.ofMinutes(temperature.restoreMinutes)),
                    temperature.severity, escalationFor(temperature.severity)));
        }
        rules.add(new AlertRule(id(unitType, "offline"), scope, new OfflineCondition(OFFLINE_AFTER), Duration.ZERO,
                Hysteresis.NONE, Severity.WARNING, WARNING_ESCALATION));
        rules.add(new AlertRule(id(unitType, "low_battery"), scope, new LowBatteryCondition(LOW_BATTERY_BELOW_PCT),
                Duration.ZERO, new Hysteresis(5, Duration.ZERO), Severity.WARNING, WARNING_ESCALATION));
        return List.copyOf(rules);
    }

    public static EscalationPolicy escalationFor(Severity severity) {
        return severity == Severity.CRITICAL ? CRITICAL_ESCALATION : WARNING_ESCALATION;
    }

    /** Stable across restarts and instances, so an alert can name the default rule that opened it. */
    private static UUID id(String unitType, String what) {
        return UUID.nameUUIDFromBytes(("default-rule:" + unitType + ":" + what).getBytes(StandardCharsets.UTF_8));
    }

    private record Temperature(Double min, Double max, int outForMinutes, double deadband, int restoreMinutes,
            Severity severity) {
    }
}
