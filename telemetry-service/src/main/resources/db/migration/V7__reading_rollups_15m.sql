-- Per unit, metric and 15-minute bucket (UTC, from an epoch on a quarter hour): the count, sum, min and
-- max of the readings stored. Every zone offset in use is a whole number of quarter hours, so every
-- bucket lies inside one local quarter hour, hour and day of any site zone (23- and 25-hour days,
-- +5:30, +5:45 included): the aggregate queries of 15m, 1h and 1d sum these rows instead of scanning
-- readings. ReadingBatchWriter adds to it, in the statement that inserts the readings, only what was
-- actually inserted, so the rollup is always the exact group-by of readings.
--
-- org_id is the unit's org (a unit belongs to one org); the queries filter on it as on readings.
-- Partitioned by month of bucket_start like readings, with the same partition months:
-- ReadingPartitionMaintenance creates and drops both tables' months together, under one retention.
--
-- The backfill reads every stored reading: on a large store, run it in a maintenance window.
CREATE TABLE reading_rollups_15m (
    org_id       uuid NOT NULL,
    unit_id      uuid NOT NULL,
    metric       text NOT NULL,
    bucket_start timestamptz NOT NULL,
    n            bigint NOT NULL,
    sum          double precision NOT NULL,
    min          double precision NOT NULL,
    max          double precision NOT NULL,
    PRIMARY KEY (unit_id, metric, bucket_start)
) PARTITION BY RANGE (bucket_start);
CREATE TABLE reading_rollups_15m_default PARTITION OF reading_rollups_15m DEFAULT;

DO $$
DECLARE
    month record;
BEGIN
    FOR month IN
        SELECT substring(c.relname from '^readings(_y\d{4}m\d{2})$') AS suffix,
               to_date(substring(c.relname from '^readings_y(\d{4}m\d{2})$'), 'YYYY"m"MM') AS first_day
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        JOIN pg_class p ON p.oid = i.inhparent
        JOIN pg_namespace n ON n.oid = p.relnamespace
        WHERE p.relname = 'readings' AND n.nspname = current_schema() AND c.relname ~ '^readings_y\d{4}m\d{2}$'
    LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF reading_rollups_15m FOR VALUES FROM (%L) TO (%L)',
                       'reading_rollups_15m' || month.suffix,
                       month.first_day::timestamp AT TIME ZONE 'UTC',
                       (month.first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    END LOOP;
END $$;

-- A unit seen with two orgs (never through ingest, which resolves the unit's org) keeps one of them.
INSERT INTO reading_rollups_15m (org_id, unit_id, metric, bucket_start, n, sum, min, max)
SELECT (array_agg(org_id))[1], unit_id, metric,
       date_bin(interval '15 minutes', recorded_at, timestamptz '2000-01-01 00:00:00+00'),
       count(*), sum(value), min(value), max(value)
FROM readings
GROUP BY unit_id, metric, 4;
