-- Which org, site and area each unit belongs to, from catalog's compacted units topic (service-support's
-- UnitProjector): realtime authorizes site and unit channels against it without calling catalog.
CREATE TABLE unit_projection (
    unit_id           uuid PRIMARY KEY,
    org_id            uuid NOT NULL,
    site_id           uuid,
    area_id           uuid,
    name              text,
    type              text,
    deleted           boolean NOT NULL,
    version           bigint NOT NULL,
    updated_at        timestamptz NOT NULL,
    site_name         text,
    time_zone         text,
    primary_sensor_id uuid
);
CREATE INDEX unit_projection_org_idx ON unit_projection (org_id);
CREATE INDEX unit_projection_site_idx ON unit_projection (site_id);
