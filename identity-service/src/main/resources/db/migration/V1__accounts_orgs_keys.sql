-- identity-service schema: users, organizations, memberships, signing keys, device API keys.

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text NOT NULL,
    password_hash text NOT NULL,
    display_name  text,
    created_at    timestamptz NOT NULL
);
-- Emails are stored normalized (trimmed, lower case); uniqueness is on that form.
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE organizations (
    id         uuid PRIMARY KEY,
    name       text NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE memberships (
    user_id    uuid NOT NULL REFERENCES users (id),
    org_id     uuid NOT NULL REFERENCES organizations (id),
    role       text NOT NULL CHECK (role IN ('viewer', 'staff', 'manager', 'admin', 'owner')),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, org_id)
);
CREATE INDEX memberships_org_idx ON memberships (org_id);

-- RS256 signing keys. The newest unretired key signs; every unretired key is in the JWKS, so
-- tokens signed by the previous key stay valid until they expire.
CREATE TABLE signing_keys (
    kid             text PRIMARY KEY,
    private_key_pem text NOT NULL,
    public_jwk      text NOT NULL,
    created_at      timestamptz NOT NULL,
    retired_at      timestamptz
);

CREATE TABLE api_keys (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL REFERENCES organizations (id),
    name        text NOT NULL,
    prefix      text NOT NULL UNIQUE,
    secret_hash text NOT NULL,
    created_by  uuid NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX api_keys_org_idx ON api_keys (org_id);

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
