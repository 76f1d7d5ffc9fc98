package dev.frostline.alert.repository;

import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.rule.AlertRule;
import dev.frostline.alert.rule.Hysteresis;
import dev.frostline.alert.rule.LowBatteryCondition;
import dev.frostline.alert.rule.OfflineCondition;
import dev.frostline.alert.rule.RuleCondition;
import dev.frostline.alert.rule.RuleKind;
import dev.frostline.alert.rule.RuleScope;
import dev.frostline.alert.rule.Severity;
import dev.frostline.alert.rule.ThresholdCondition;
import dev.frostline.alert.threshold.Bounds;
import dev.frostline.alert.threshold.MetricNames;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** {@link AlertRule} to and from {@code alert_rules} rows. Durations are stored in whole seconds. */
public final class RuleRows {

    public static final String COLUMNS = "id, org_id, scope_level, scope_unit_type, scope_id, kind, metric, min_value,"
            + " max_value, below_pct, silence_s, excursion_s, deadband, restore_s, severity, escalation, version,"
            + " created_at, updated_at";

    private RuleRows() {
    }

    public static StoredRule read(Row row) {
        UUID orgId = row.getUUID("org_id");
        RuleScope scope = scope(row.getString("scope_level"), orgId, row.getUUID("scope_id"),
                row.getString("scope_unit_type"));
        RuleCondition condition;
        switch (RuleKind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT))) {
            case THRESHOLD -> condition = new ThresholdCondition(MetricNames.parse(row.getString("metric")),
                    new Bounds(row.getDouble("min_value"), row.getDouble("max_value")));
            case OFFLINE -> condition = new OfflineCondition(Duration.ofSeconds(row.getLong("silence_s")));
            default -> condition = new LowBatteryCondition(row.getDouble("below_pct"));
        }
        AlertRule rule = new AlertRule(row.getUUID("id"), scope, condition,
                Duration.ofSeconds(row.getLong("excursion_s")),
                new Hysteresis(row.getDouble("deadband"), Duration.ofSeconds(row.getLong("restore_s"))),
                Severity.valueOf(row.getString("severity").toUpperCase(Locale.ROOT)),
                EscalationJson.policy(row.getJsonObject("escalation")));
        return new StoredRule(rule, row.getLong("version"), SqlTimes.instant(row, "created_at"),
                SqlTimes.instant(row, "updated_at"));
    }

    public static RuleScope scope(String level, UUID orgId, UUID scopeId, String unitType) {
        return switch (level) {
            case "org" -> new RuleScope.Org(orgId);
            case "org_unit_type" -> new RuleScope.OrgUnitType(orgId, unitType);
            case "site" -> new RuleScope.Site(orgId, scopeId);
            case "area" -> new RuleScope.Area(orgId, scopeId);
            case "unit" -> new RuleScope.Unit(orgId, scopeId);
            default -> throw new IllegalStateException("unknown rule scope in the database: " + level);
        };
    }

    /** The scope's ID column: the site, area or unit; null for the org levels. */
    public static UUID scopeId(RuleScope scope) {
        if (scope instanceof RuleScope.Site site) {
            return site.siteId();
        }
        if (scope instanceof RuleScope.Area area) {
            return area.areaId();
        }
        if (scope instanceof RuleScope.Unit unit) {
            return unit.unitId();
        }
        return null;
    }

    public static String scopeUnitType(RuleScope scope) {
        return scope instanceof RuleScope.OrgUnitType type ? type.unitType() : null;
    }

    /** The column values of {@link #COLUMNS}, in order. */
    public static Tuple tuple(UUID orgId, AlertRule rule, long version, Instant createdAt, Instant updatedAt) {
        Double min = null;
        Double max = null;
        Double below = null;
        Long silence = null;
        if (rule.condition() instanceof ThresholdCondition threshold) {
            min = threshold.bounds().min();
            max = threshold.bounds().max();
        } else if (rule.condition() instanceof LowBatteryCondition battery) {
            below = battery.belowPercent();
        } else if (rule.condition() instanceof OfflineCondition offline) {
            silence = offline.silence().toSeconds();
        }
        EscalationPolicy escalation = rule.escalation();
        return Tuple.tuple()
                .addUUID(rule.id()).addUUID(orgId).addString(rule.scope().level())
                .addString(scopeUnitType(rule.scope())).addUUID(scopeId(rule.scope()))
                .addString(rule.key().kind().wireName()).addString(StateRows.metricColumn(rule.key()))
                .addDouble(min).addDouble(max).addDouble(below).addLong(silence)
                .addLong(rule.excursionDuration().toSeconds()).addDouble(rule.hysteresis().deadband())
                .addLong(rule.hysteresis().minimumRestore().toSeconds()).addString(rule.severity().wireName())
                .addValue(EscalationJson.of(escalation)).addLong(version)
                .addOffsetDateTime(SqlTimes.utc(createdAt)).addOffsetDateTime(SqlTimes.utc(updatedAt));
    }
}
