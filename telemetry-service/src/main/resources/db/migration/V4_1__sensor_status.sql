-- Each sensor's last contact and latest battery level, kept current by the persister from the
-- readings it stores (greatest wins, so redelivered or reordered batches change nothing).
CREATE TABLE sensor_status (
    sensor_id    uuid PRIMARY KEY,
    org_id       uuid NOT NULL,
    -- When the platform last accepted a reading of the sensor.
    last_seen_at timestamptz NOT NULL,
    -- The battery level measured last, and when it was measured; null until the first battery_pct.
    battery_pct  double precision,
    battery_at   timestamptz
);
