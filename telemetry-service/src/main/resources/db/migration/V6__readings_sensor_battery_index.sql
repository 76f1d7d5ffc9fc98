-- The battery forecast reads one sensor's battery_pct history (two sensors of a unit each have
-- their own battery). Partial: only battery readings enter it, a small share of all rows, so the
-- persister's inserts of every other metric pay nothing for it.
CREATE INDEX readings_sensor_battery_idx ON readings (sensor_id, recorded_at) WHERE metric = 'battery_pct';
