-- Failed-login counters, one row per throttle key ("account:<email>" or "address:<client ip>"),
-- shared by every replica. LoginThrottlePolicy decides from a row whether an attempt may go ahead;
-- a row is rewritten under its row lock, so concurrent failures never lose a count.
CREATE TABLE login_failures (
    throttle_key text PRIMARY KEY,
    failures     integer NOT NULL,
    first_at     timestamptz NOT NULL,
    last_at      timestamptz NOT NULL,
    locked_until timestamptz
);
CREATE INDEX login_failures_last_at_idx ON login_failures (last_at);

-- Every access token of user_id issued at or before revoked_before is void (the account was
-- deleted). Served to the gateway by recorded_at; rows older than an access token's lifetime are moot.
CREATE TABLE subject_revocations (
    id             uuid PRIMARY KEY,
    user_id        uuid NOT NULL,
    revoked_before timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL
);
CREATE INDEX subject_revocations_recorded_idx ON subject_revocations (recorded_at);

-- Signing-key rotation: a new key is published at once but signs only from activates_at on; a
-- superseded key stays published until retires_at (when every token it signed has expired).
ALTER TABLE signing_keys ADD COLUMN activates_at timestamptz;
UPDATE signing_keys SET activates_at = created_at;
ALTER TABLE signing_keys ALTER COLUMN activates_at SET NOT NULL;
ALTER TABLE signing_keys ADD COLUMN retires_at timestamptz;
