-- telemetry-service schema: the readings store and the projections ingest validates against.

-- One row per accepted reading. id is the ReadingRecorded eventId, derived from the reading itself,
-- so a redelivered event or a device's retry is stored once (ON CONFLICT (id) DO NOTHING).
CREATE TABLE readings (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL,
    site_id     uuid,
    unit_id     uuid NOT NULL,
    metric      text NOT NULL,
    value       double precision NOT NULL,
    recorded_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL
);
-- Serves "newest readings of a unit", optionally in a time window.
CREATE INDEX readings_unit_recorded_idx ON readings (unit_id, recorded_at DESC);

-- Local copy of identity's device API keys, from the compacted identity topic. Only the SHA-256 of
-- each key is known here; the newest state by updated_at wins, and on a tie the revoked one.
CREATE TABLE api_key_projection (
    key_id      uuid PRIMARY KEY,
    org_id      uuid NOT NULL,
    prefix      text NOT NULL UNIQUE,
    secret_hash text NOT NULL,
    revoked     boolean NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Local copy of catalog's units (service-support's UnitProjector keeps it current).
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
