-- Readings partitioned by month of recorded_at (UTC), so that retention drops whole partitions
-- instead of deleting rows, and time-range queries read only the months they cover.
-- ReadingPartitionMaintenance creates the months ahead and drops the expired ones.
--
-- A partitioned table's primary key must contain the partition key: (id, recorded_at). The ID is
-- derived from the reading (ReadingIds), so a redelivered reading has both the same ID and the same
-- recorded_at and still conflicts; the persister also skips an ID already stored near the reading's
-- time, for the one case where a retry's recorded_at differs (a messageId sent without recordedAt).
--
-- The rows move in this migration: on a large store, run it in a maintenance window.
ALTER TABLE readings RENAME TO readings_unpartitioned;
ALTER INDEX readings_pkey RENAME TO readings_unpartitioned_pkey;
ALTER INDEX readings_unit_recorded_idx RENAME TO readings_unpartitioned_unit_recorded_idx;

CREATE TABLE readings (
    id          uuid NOT NULL,
    org_id      uuid NOT NULL,
    site_id     uuid,
    unit_id     uuid NOT NULL,
    metric      text NOT NULL,
    value       double precision NOT NULL,
    recorded_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    sensor_id   uuid,
    message_id  text,
    PRIMARY KEY (id, recorded_at)
) PARTITION BY RANGE (recorded_at);
CREATE INDEX readings_unit_recorded_idx ON readings (unit_id, recorded_at DESC);
-- Catches a reading of a month without a partition, so the persister never stalls on one; the
-- maintenance job moves such rows into their month's partition when it creates it.
CREATE TABLE readings_default PARTITION OF readings DEFAULT;

DO $$
DECLARE
    first_day date := date_trunc('month', coalesce((SELECT min(recorded_at) FROM readings_unpartitioned), now())
                                      AT TIME ZONE 'UTC');
    last_month date := date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months';
BEGIN
    WHILE first_day <= last_month LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF readings FOR VALUES FROM (%L) TO (%L)',
                       'readings_y' || to_char(first_day, 'YYYY') || 'm' || to_char(first_day, 'MM'),
                       first_day::timestamp AT TIME ZONE 'UTC', (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC');
        first_day := first_day + interval '1 month';
    END LOOP;
END $$;

INSERT INTO readings (id, org_id, site_id, unit_id, metric, value, recorded_at, received_at, sensor_id, message_id)
SELECT id, org_id, site_id, unit_id, metric, value, recorded_at, received_at, sensor_id, message_id
FROM readings_unpartitioned;
DROP TABLE readings_unpartitioned;
