-- The alert engine: rules with scopes, excursion state per (unit, rule key), timers, alerts with a
-- timeline, and the processed position of the readings topic. Replaces the walking skeleton's
-- per-unit thresholds (migrated into unit rules below) and its alerts table.

CREATE TABLE alert_rules (
    id              uuid PRIMARY KEY,
    org_id          uuid NOT NULL,
    -- org | org_unit_type | site | area | unit (RuleScope.level()); scope_id names the site, area or unit.
    scope_level     text NOT NULL CHECK (scope_level IN ('org', 'org_unit_type', 'site', 'area', 'unit')),
    scope_unit_type text,
    scope_id        uuid,
    kind            text NOT NULL CHECK (kind IN ('threshold', 'offline', 'low_battery')),
    -- '' for offline, which is about any reading (a key column, so no nulls).
    metric          text NOT NULL,
    min_value       double precision,
    max_value       double precision,
    below_pct       double precision,
    silence_s       bigint,
    excursion_s     bigint NOT NULL,
    deadband        double precision NOT NULL,
    restore_s       bigint NOT NULL,
    severity        text NOT NULL CHECK (severity IN ('warning', 'critical')),
    -- The escalation policy: {"firstAudience": "staff", "renotifyEverySeconds": 900,
    -- "steps": [{"afterSeconds": 1800, "audience": "manager"}]}
    escalation      jsonb NOT NULL,
    version         bigint NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT alert_rules_scope_shape CHECK (
        (scope_level = 'org' AND scope_id IS NULL AND scope_unit_type IS NULL)
        OR (scope_level = 'org_unit_type' AND scope_id IS NULL AND scope_unit_type IS NOT NULL)
        OR (scope_level IN ('site', 'area', 'unit') AND scope_id IS NOT NULL AND scope_unit_type IS NULL))
);
-- Precedence needs one rule per scope and key: two rules of one scope for one key would be ambiguous.
CREATE UNIQUE INDEX alert_rules_one_per_scope_and_key ON alert_rules
    (org_id, scope_level, coalesce(scope_unit_type, ''), coalesce(scope_id, '00000000-0000-0000-0000-000000000000'),
     kind, metric);
CREATE INDEX alert_rules_org_idx ON alert_rules (org_id);

-- The skeleton's thresholds become unit rules that alarm at once, with no deadband.
INSERT INTO alert_rules (id, org_id, scope_level, scope_id, kind, metric, min_value, max_value, excursion_s, deadband,
                         restore_s, severity, escalation, version, created_at, updated_at)
SELECT id, org_id, 'unit', unit_id, 'threshold', metric, min_value, max_value, 0, 0, 0, 'critical',
       '{"firstAudience": "staff", "renotifyEverySeconds": 900, "steps": [{"afterSeconds": 1800, "audience": "manager"}, {"afterSeconds": 3600, "audience": "admin"}]}',
       1, updated_at, updated_at
FROM thresholds;
DROP TABLE thresholds;

-- The skeleton's alerts are kept as history, closed: no excursion state stands behind them.
ALTER TABLE alerts RENAME TO legacy_alerts;
UPDATE legacy_alerts SET status = 'resolved', resolved_at = now() WHERE status = 'open';
ALTER INDEX alerts_one_open_per_unit_metric RENAME TO legacy_alerts_one_open_per_unit_metric;
ALTER INDEX alerts_org_opened_idx RENAME TO legacy_alerts_org_opened_idx;

-- One row per unit and rule key (kind, metric): ExcursionState, stored whole after each transition.
CREATE TABLE excursion_states (
    unit_id          uuid NOT NULL,
    rule_kind        text NOT NULL,
    metric           text NOT NULL,
    org_id           uuid NOT NULL,
    rule_id          uuid NOT NULL,
    rule_version     bigint NOT NULL,
    phase            text NOT NULL CHECK (phase IN ('ok', 'excursion', 'alarm_active', 'restoring')),
    phase_since      timestamptz,
    excursion_start  timestamptz,
    peak             double precision,
    clock            timestamptz,
    last_value       double precision,
    last_seen        timestamptz,
    timer_generation bigint,
    timer_due        timestamptz,
    timer_purpose    text,
    timers_scheduled bigint NOT NULL,
    -- The alert this pair has open (phase alarm_active or restoring), else null.
    alert_id         uuid,
    PRIMARY KEY (unit_id, rule_kind, metric)
);

-- Pending timers: an excursion timer per pair (the state's timer), an escalation timer per open alert.
-- Polled with FOR UPDATE SKIP LOCKED, so several instances never fire one twice.
CREATE TABLE timers (
    unit_id    uuid NOT NULL,
    rule_kind  text NOT NULL,
    metric     text NOT NULL,
    lane       text NOT NULL CHECK (lane IN ('excursion', 'escalation')),
    generation bigint NOT NULL,
    due_at     timestamptz NOT NULL,
    org_id     uuid NOT NULL,
    alert_id   uuid,
    PRIMARY KEY (unit_id, rule_kind, metric, lane)
);
CREATE INDEX timers_due_idx ON timers (due_at);

CREATE TABLE alerts (
    id              uuid PRIMARY KEY,
    org_id          uuid NOT NULL,
    site_id         uuid,
    unit_id         uuid NOT NULL,
    rule_id         uuid NOT NULL,
    rule_kind       text NOT NULL,
    metric          text NOT NULL,
    severity        text NOT NULL CHECK (severity IN ('warning', 'critical')),
    state           text NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
    -- When the value (or silence) went out of range, and when that became an alarm.
    since           timestamptz NOT NULL,
    opened_at       timestamptz NOT NULL,
    trigger_value   double precision,
    peak_value      double precision,
    min_value       double precision,
    max_value       double precision,
    triggering_reading_id uuid,
    -- The rule's escalation policy as it was when the alert opened (same JSON as alert_rules.escalation).
    escalation      jsonb NOT NULL,
    -- Up to when the escalation notices have been written (EscalatingAlert's sentUpTo).
    notified_up_to  timestamptz NOT NULL,
    acknowledged_at timestamptz,
    acknowledged_by uuid,
    acknowledge_note text,
    resolved_at     timestamptz,
    resolved_by     uuid,
    resolve_note    text,
    resolution      text CHECK (resolution IN ('auto', 'manual')),
    CONSTRAINT alerts_resolved_iff_resolved_at CHECK ((state = 'resolved') = (resolved_at IS NOT NULL))
);
-- At most one open alert per unit and rule key, whatever races the application loses.
CREATE UNIQUE INDEX alerts_one_open_per_unit_key ON alerts (unit_id, rule_kind, metric) WHERE state <> 'resolved';
CREATE INDEX alerts_org_opened_idx ON alerts (org_id, opened_at DESC, id DESC);

CREATE TABLE alert_timeline (
    id       bigserial PRIMARY KEY,
    alert_id uuid NOT NULL,
    at       timestamptz NOT NULL,
    -- opened | peak | restoring | alarm_active | acknowledged | resolved | reminder | escalated
    entry    text NOT NULL,
    value    double precision,
    actor    uuid,
    note     text
);
CREATE INDEX alert_timeline_alert_idx ON alert_timeline (alert_id, at, id);

-- The newest offset of each readings partition whose effects are committed, written in the same
-- transaction as those effects: a redelivered record at or below it is skipped.
CREATE TABLE consumer_positions (
    topic       text NOT NULL,
    partition   int NOT NULL,
    next_offset bigint NOT NULL,
    PRIMARY KEY (topic, partition)
);
