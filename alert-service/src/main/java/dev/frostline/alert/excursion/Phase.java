package dev.frostline.alert.excursion;

import java.util.Locale;

/**
 * Where one unit stands against one rule. The cycle is always {@code ok → excursion → alarm_active
 * → restoring → ok}, with two ways back: {@code excursion → ok} when the value returns before the
 * excursion duration, and {@code restoring → alarm_active} when it leaves the deadband again. An
 * alert is open exactly while the phase is {@link #ALARM_ACTIVE} or {@link #RESTORING}.
 */
public enum Phase {
    OK, EXCURSION, ALARM_ACTIVE, RESTORING;

    public boolean alarmOpen() {
        return this == ALARM_ACTIVE || this == RESTORING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
