-- Users and organizations provisioned from an external issuer (Supabase Auth, Keycloak, ...).
-- Such users have no password: they sign in at their issuer and exchange its token for ours.
-- (DROP NOT NULL is a no-op if another migration already made the column nullable.)
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;

-- One external account, keyed the way its issuer names it: the iss URL and the subject.
CREATE TABLE external_identities (
    issuer     text NOT NULL,
    subject    text NOT NULL,
    user_id    uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (issuer, subject)
);

-- The Frostline organization an issuer's org claim value stands for. The same value from two
-- issuers is two organizations: one issuer can never name another issuer's tenants.
CREATE TABLE external_organizations (
    issuer          text NOT NULL,
    external_org_id text NOT NULL,
    org_id          uuid NOT NULL UNIQUE REFERENCES organizations (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (issuer, external_org_id)
);
