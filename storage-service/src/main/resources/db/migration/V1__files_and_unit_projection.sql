-- storage-service schema: file metadata (the bytes live in S3), the unit projection.

-- One row per stored object. The row is written only after the object is in S3, and the object is
-- deleted if the row cannot be written, so a row always points at an object.
CREATE TABLE files (
    id           uuid PRIMARY KEY,
    org_id       uuid NOT NULL,
    unit_id      uuid NOT NULL,
    name         text NOT NULL,
    content_type text NOT NULL,
    size         bigint NOT NULL CHECK (size > 0),
    sha256       text NOT NULL,
    object_key   text NOT NULL UNIQUE,
    created_by   uuid NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX files_org_unit_idx ON files (org_id, unit_id);

-- Local copy of catalog's units (see service-support UnitProjector).
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
