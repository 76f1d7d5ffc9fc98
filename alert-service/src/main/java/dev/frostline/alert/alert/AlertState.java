package dev.frostline.alert.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An alert is open from the alarm until it is resolved; acknowledging it keeps it open (the unit
 * may still be out of range) but stops reminders and escalation.
 */
public enum AlertState {
    OPEN, ACKNOWLEDGED, RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AlertState> find(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wireName)).findFirst();
    }
}
