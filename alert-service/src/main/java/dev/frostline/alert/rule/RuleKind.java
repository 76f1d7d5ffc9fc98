package dev.frostline.alert.rule;

import java.util.Locale;

/** The three things a rule can watch. With the metric, it is what precedence compares rules by. */
public enum RuleKind {
    /** A metric leaves its min/max range. */
    THRESHOLD,
    /** A unit sends nothing for a while. */
    OFFLINE,
    /** A unit's battery runs down. */
    LOW_BATTERY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
