-- alert-service schema: thresholds per unit and metric, the alerts they open, the unit projection, the outbox.

CREATE TABLE thresholds (
    id              uuid PRIMARY KEY,
    org_id          uuid NOT NULL,
    unit_id         uuid NOT NULL,
    metric          text NOT NULL CHECK (metric IN ('temperature_c', 'humidity_pct', 'door_open', 'battery_pct')),
    min_value       double precision,
    max_value       double precision,
    updated_at      timestamptz NOT NULL,
    -- The newest reading evaluated against this threshold (recorded_at, then reading ID): evaluation
    -- only moves forward, so a redelivered or late reading changes nothing.
    last_reading_at timestamptz,
    last_reading_id uuid,
    CONSTRAINT thresholds_org_unit_metric_key UNIQUE (org_id, unit_id, metric),
    CONSTRAINT thresholds_has_a_bound CHECK (min_value IS NOT NULL OR max_value IS NOT NULL),
    CONSTRAINT thresholds_min_below_max CHECK (min_value IS NULL OR max_value IS NULL OR min_value < max_value)
);

CREATE TABLE alerts (
    id                    uuid PRIMARY KEY,
    org_id                uuid NOT NULL,
    site_id               uuid,
    unit_id               uuid NOT NULL,
    metric                text NOT NULL,
    status                text NOT NULL CHECK (status IN ('open', 'resolved')),
    opened_at             timestamptz NOT NULL,
    resolved_at           timestamptz,
    trigger_value         double precision NOT NULL,
    peak_value            double precision NOT NULL,
    min_value             double precision,
    max_value             double precision,
    -- A reading opens at most one alert, whatever is redelivered.
    triggering_reading_id uuid NOT NULL,
    resolving_reading_id  uuid,
    CONSTRAINT alerts_triggering_reading_key UNIQUE (triggering_reading_id),
    CONSTRAINT alerts_resolved_iff_resolved_at CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
);
-- At most one open alert per unit and metric, whatever races the application loses.
CREATE UNIQUE INDEX alerts_one_open_per_unit_metric ON alerts (unit_id, metric) WHERE status = 'open';
CREATE INDEX alerts_org_opened_idx ON alerts (org_id, opened_at DESC);

CREATE TABLE unit_projection (
    unit_id    uuid PRIMARY KEY,
    org_id     uuid NOT NULL,
    site_id    uuid,
    area_id    uuid,
    name       text,
    type       text,
    deleted    boolean NOT NULL,
    version    bigint NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX unit_projection_org_idx ON unit_projection (org_id);

-- Transactional outbox: rows written with the change, relayed to Kafka after commit.
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    topic        text NOT NULL,
    record_key   text NOT NULL,
    payload      text NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;
