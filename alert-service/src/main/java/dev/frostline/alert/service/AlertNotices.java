package dev.frostline.alert.service;

import dev.frostline.alert.repository.AlertRow;
import dev.frostline.alert.repository.UnitInfo;
import dev.frostline.alert.rule.RuleKind;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What a notification request says: its subject line and the JSON body integrations receive. The
 * dispatcher sends them as they are, so the wording lives here, next to the engine that decides
 * when a notice is due.
 */
final class AlertNotices {

    private AlertNotices() {
    }

    static String subject(String kind, AlertRow alert, UnitInfo unit) {
        String prefix = switch (kind) {
            case "reminder" -> "Reminder: ";
            case "escalated" -> "Escalated: ";
            case "acknowledged" -> "Acknowledged: ";
            case "resolved" -> "Resolved: ";
            default -> "";
        };
        return prefix + "[" + alert.severity.wireName() + "] " + unitName(alert, unit) + ": " + what(alert);
    }

    static JsonObject body(String kind, String audience, Instant at, AlertRow alert, UnitInfo unit) {
        return new JsonObject()
                .put("notice", kind)
                .put("audience", audience)
                .put("at", at.toString())
                .put("alertId", alert.id.toString())
                .put("orgId", alert.orgId.toString())
                .put("siteId", alert.siteId == null ? null : alert.siteId.toString())
                .put("siteName", unit == null ? null : unit.siteName())
                .put("unitId", alert.unitId.toString())
                .put("unitName", unitName(alert, unit))
                .put("ruleKind", alert.key.kind().wireName())
                .put("metric", alert.key.metric() == null ? null : alert.key.metric().wireName())
                .put("severity", alert.severity.wireName())
                .put("state", alert.state.wireName())
                .put("since", alert.since.toString())
                .put("openedAt", alert.openedAt.toString())
                .put("value", alert.triggerValue)
                .put("peak", alert.peak)
                .put("min", alert.min)
                .put("max", alert.max)
                .put("acknowledgedAt", alert.acknowledgedAt == null ? null : alert.acknowledgedAt.toString())
                .put("acknowledgeNote", alert.acknowledgeNote)
                .put("resolvedAt", alert.resolvedAt == null ? null : alert.resolvedAt.toString())
                .put("resolution", alert.resolution)
                .put("resolveNote", alert.resolveNote);
    }

    private static String unitName(AlertRow alert, UnitInfo unit) {
        return unit == null || unit.name() == null ? "unit " + alert.unitId : unit.name();
    }

    private static String what(AlertRow alert) {
        if (alert.key.kind() == RuleKind.OFFLINE) {
            return "no reading since " + alert.since;
        }
        if (alert.key.kind() == RuleKind.LOW_BATTERY) {
            return "battery low (" + alert.peak + " %)";
        }
        return alert.key.metric().wireName() + " out of range (" + alert.peak + ")";
    }
}
