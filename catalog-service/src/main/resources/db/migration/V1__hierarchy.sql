-- catalog-service schema: the org > site > area > unit hierarchy, and the outbox of unit states.
-- Organizations live in identity-service; org_id here is their ID, not a foreign key.

CREATE TABLE sites (
    id         uuid PRIMARY KEY,
    org_id     uuid NOT NULL,
    name       text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    time_zone  text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    -- Target of the children's composite foreign key below.
    UNIQUE (id, org_id)
);
CREATE INDEX sites_org_idx ON sites (org_id, created_at);

-- The composite foreign keys carry org_id (and site_id) down the tree, so the database itself
-- refuses a child whose org or site differs from its parent's: tenancy cannot be broken by a bug
-- in the service.
CREATE TABLE areas (
    id         uuid PRIMARY KEY,
    org_id     uuid NOT NULL,
    site_id    uuid NOT NULL,
    name       text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    FOREIGN KEY (site_id, org_id) REFERENCES sites (id, org_id),
    UNIQUE (id, site_id, org_id)
);
CREATE INDEX areas_org_site_idx ON areas (org_id, site_id, created_at);

CREATE TABLE units (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL,
    site_id     uuid NOT NULL,
    area_id     uuid NOT NULL,
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    type        text NOT NULL CHECK (type IN ('fridge', 'freezer', 'walk_in', 'room', 'other')),
    description text CHECK (char_length(description) <= 2000),
    -- Incremented on every change; consumers of the compacted topic keep the highest version.
    version     bigint NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    deleted_at  timestamptz,
    FOREIGN KEY (area_id, site_id, org_id) REFERENCES areas (id, site_id, org_id)
);
-- Lists only ever show live units.
CREATE INDEX units_org_area_idx ON units (org_id, area_id, created_at) WHERE deleted_at IS NULL;
CREATE INDEX units_org_site_idx ON units (org_id, site_id, created_at) WHERE deleted_at IS NULL;

-- Transactional outbox: rows written with the change, relayed to Kafka after commit.
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    topic        text NOT NULL,
    record_key   text NOT NULL,
    payload      text NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;
