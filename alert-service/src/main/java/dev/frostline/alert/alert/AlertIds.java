package dev.frostline.alert.alert;

import dev.frostline.alert.rule.RuleKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * IDs derived from what caused them, never random: the same transition, processed again after a
 * crash or by a second instance, derives the same alert, event and notification IDs, so it could
 * not make a second alert or a second distinct event even if it got past the processed-position
 * check. Consumers may deduplicate on the event IDs.
 */
public final class AlertIds {

    private AlertIds() {
    }

    /**
     * One alert per unit, rule key and moment the alarm opened, after the pair's previous alert
     * (a manual resolve may be followed by a new alarm at the same instant).
     */
    public static UUID alertId(UUID unitId, RuleKey key, Instant openedAt, UUID previousAlertId) {
        return derive("alert", unitId, key, openedAt, previousAlertId);
    }

    public static UUID stateChangedEventId(UUID unitId, RuleKey key, String from, String to, Instant at) {
        return derive("excursion-state", unitId, key, from, to, at);
    }

    /** {@code change} names it: opened, resolved, acknowledged, peak:&lt;at&gt;:&lt;value&gt;, reminder:&lt;n&gt;, ... */
    public static UUID alertEventId(UUID alertId, String change) {
        return derive("alert-event", alertId, change);
    }

    /**
     * The {@code notification_requests} ID of one notice of an alert: {@code kind} is opened,
     * reminder, escalated, acknowledged or resolved; {@code number} the reminder number or the
     * escalation step (0 for the others).
     */
    public static UUID notificationId(UUID alertId, String kind, long number) {
        return derive("notification", alertId, kind, number);
    }

    private static UUID derive(Object... parts) {
        StringBuilder name = new StringBuilder();
        for (Object part : parts) {
            name.append(part).append('|');
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
