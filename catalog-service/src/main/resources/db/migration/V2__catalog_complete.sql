-- The complete catalog: every entity is versioned (the ETag, and the order of its published states)
-- and soft-deleted (deleted_at), sites get an address and coordinates, and the devices arrive:
-- sensors with their assignment history, and LoRaWAN gateways. Plus the append-only audit log.

ALTER TABLE sites
    ADD COLUMN address    text CHECK (char_length(address) <= 500),
    ADD COLUMN latitude   double precision CHECK (latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude  double precision CHECK (longitude BETWEEN -180 AND 180),
    ADD COLUMN version    bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN deleted_at timestamptz,
    ADD CONSTRAINT sites_coordinates_both_or_neither CHECK ((latitude IS NULL) = (longitude IS NULL));
ALTER TABLE areas
    ADD COLUMN version    bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN deleted_at timestamptz;
-- Target of the sensors' composite foreign key: a sensor can only sit on a unit of its own org.
ALTER TABLE units ADD CONSTRAINT units_id_org_key UNIQUE (id, org_id);

-- Keyset pagination reads (org, sort key, id) in index order, for both sort keys.
CREATE INDEX sites_org_name_idx ON sites (org_id, name, id);
CREATE INDEX areas_org_name_idx ON areas (org_id, name, id);
CREATE INDEX units_org_name_idx ON units (org_id, name, id);
CREATE INDEX units_org_created_idx ON units (org_id, created_at, id);

-- A sensor is identified platform-wide by exactly one of a LoRaWAN DevEUI (16 upper-case hex digits)
-- or a vendor serial. The unique indexes span every org and deleted rows too: a device exists once,
-- and a deleted sensor keeps its identifier so that restoring it can never collide.
CREATE TABLE sensors (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL,
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    dev_eui     text CHECK (dev_eui ~ '^[0-9A-F]{16}$'),
    serial      text CHECK (char_length(serial) BETWEEN 1 AND 64),
    model       text NOT NULL CHECK (char_length(model) BETWEEN 1 AND 100),
    -- Metric wire names, comma-separated, in shared-contracts' Metric order.
    metrics     text NOT NULL CHECK (metrics ~ '^[a-z_]+(,[a-z_]+)*$'),
    -- The current assignment; the history is in sensor_assignments.
    unit_id     uuid,
    is_primary  boolean NOT NULL DEFAULT false,
    version     bigint NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    deleted_at  timestamptz,
    CHECK (num_nonnulls(dev_eui, serial) = 1),
    CHECK (NOT is_primary OR unit_id IS NOT NULL),
    CHECK (deleted_at IS NULL OR unit_id IS NULL),
    FOREIGN KEY (unit_id, org_id) REFERENCES units (id, org_id)
);
CREATE UNIQUE INDEX sensors_dev_eui_key ON sensors (dev_eui) WHERE dev_eui IS NOT NULL;
CREATE UNIQUE INDEX sensors_serial_key ON sensors (serial) WHERE serial IS NOT NULL;
-- At most one primary sensor per unit.
CREATE UNIQUE INDEX sensors_one_primary_per_unit ON sensors (unit_id) WHERE is_primary;
CREATE INDEX sensors_org_name_idx ON sensors (org_id, name, id);
CREATE INDEX sensors_unit_idx ON sensors (unit_id) WHERE unit_id IS NOT NULL;

-- Which sensor was on which unit, and when: readings are attributed through this history.
-- An open row (assigned_to IS NULL) is the current assignment; rows are closed, never deleted.
CREATE TABLE sensor_assignments (
    id            uuid PRIMARY KEY,
    org_id        uuid NOT NULL,
    sensor_id     uuid NOT NULL REFERENCES sensors (id),
    unit_id       uuid NOT NULL,
    is_primary    boolean NOT NULL,
    assigned_from timestamptz NOT NULL,
    assigned_to   timestamptz CHECK (assigned_to >= assigned_from),
    FOREIGN KEY (unit_id, org_id) REFERENCES units (id, org_id)
);
CREATE UNIQUE INDEX sensor_assignments_one_open_per_sensor ON sensor_assignments (sensor_id) WHERE assigned_to IS NULL;
CREATE UNIQUE INDEX sensor_assignments_one_open_primary_per_unit ON sensor_assignments (unit_id)
    WHERE is_primary AND assigned_to IS NULL;
CREATE INDEX sensor_assignments_sensor_idx ON sensor_assignments (sensor_id, assigned_from DESC);
CREATE INDEX sensor_assignments_unit_idx ON sensor_assignments (unit_id, assigned_from DESC);

CREATE TABLE gateways (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL,
    site_id     uuid NOT NULL,
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    gateway_eui text NOT NULL CHECK (gateway_eui ~ '^[0-9A-F]{16}$'),
    version     bigint NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    deleted_at  timestamptz,
    FOREIGN KEY (site_id, org_id) REFERENCES sites (id, org_id)
);
CREATE UNIQUE INDEX gateways_eui_key ON gateways (gateway_eui);
CREATE INDEX gateways_org_name_idx ON gateways (org_id, name, id);

-- Every catalog write, in the transaction of the write. Append-only: the API has no way to change
-- it, and the trigger below refuses UPDATE and DELETE from anyone.
CREATE TABLE audit_log (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL,
    actor_id    uuid NOT NULL,
    occurred_at timestamptz NOT NULL,
    entity_type text NOT NULL,
    entity_id   uuid NOT NULL,
    operation   text NOT NULL,
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_log_org_time_idx ON audit_log (org_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (org_id, entity_id, occurred_at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (org_id, actor_id, occurred_at DESC);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
