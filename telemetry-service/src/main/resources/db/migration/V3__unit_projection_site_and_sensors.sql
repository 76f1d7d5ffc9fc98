-- UnitState gained the site name, its time zone and the primary sensor (catalog complete). Rows
-- projected before stay null until the unit's next state, and every replica replays the compacted
-- topic from the start when it starts, which fills them.
ALTER TABLE unit_projection
    ADD COLUMN site_name         text,
    ADD COLUMN time_zone         text,
    ADD COLUMN primary_sensor_id uuid;

-- Sensor to unit, from the compacted catalog sensors topic: resolves readings that name a sensor by
-- ID or DevEUI. DevEUIs are unique across the platform, so a lookup by DevEUI needs no org.
CREATE TABLE sensor_projection (
    sensor_id  uuid PRIMARY KEY,
    org_id     uuid NOT NULL,
    dev_eui    text,
    serial     text,
    model      text,
    unit_id    uuid,
    site_id    uuid,
    is_primary boolean NOT NULL,
    deleted    boolean NOT NULL,
    version    bigint NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX sensor_projection_dev_eui_idx ON sensor_projection (dev_eui) WHERE dev_eui IS NOT NULL;
CREATE INDEX sensor_projection_unit_idx ON sensor_projection (unit_id) WHERE unit_id IS NOT NULL;
