-- UnitState gained the site name, its time zone and the primary sensor (catalog complete). Rows
-- projected before stay null until the unit's next state, and every replica replays the compacted
-- topic from the start when it starts, which fills them.
ALTER TABLE unit_projection
    ADD COLUMN site_name         text,
    ADD COLUMN time_zone         text,
    ADD COLUMN primary_sensor_id uuid;
