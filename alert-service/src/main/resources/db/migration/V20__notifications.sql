-- Notifications: who is told about an alert (member_projection, notification_preferences), the
-- org's webhook endpoints, and one delivery per recipient or endpoint of each notification request
-- (V3), sent with retries and kept as a dead letter when they are used up.

-- identity's memberships, from the compacted topic frostline.identity.members.v1 (MemberState).
-- Every replica replays the whole topic at every start; the upsert keeps the highest version.
CREATE TABLE member_projection (
    org_id     uuid NOT NULL,
    user_id    uuid NOT NULL,
    email      text NOT NULL,
    role       text NOT NULL CHECK (role IN ('viewer', 'staff', 'manager', 'admin', 'owner')),
    removed    boolean NOT NULL,
    version    bigint NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, user_id)
);

-- A member without a row gets every alert by email (the defaults below).
CREATE TABLE notification_preferences (
    org_id        uuid NOT NULL,
    user_id       uuid NOT NULL,
    email_enabled boolean NOT NULL DEFAULT true,
    min_severity  text NOT NULL DEFAULT 'warning' CHECK (min_severity IN ('warning', 'critical')),
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (org_id, user_id)
);

CREATE TABLE webhook_endpoints (
    id           uuid PRIMARY KEY,
    org_id       uuid NOT NULL,
    url          text NOT NULL,
    description  text,
    -- The signing secret itself, not a hash: every delivery's HMAC is computed with it. It is shown to
    -- the admin once, when the endpoint is created, and never returned again.
    secret       text NOT NULL,
    enabled      boolean NOT NULL,
    min_severity text NOT NULL CHECK (min_severity IN ('warning', 'critical')),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id);

CREATE TABLE notification_deliveries (
    -- Derived from the request and the recipient (user or endpoint): expanding a request twice
    -- cannot add a second delivery.
    id                uuid PRIMARY KEY,
    request_id        uuid NOT NULL REFERENCES notification_requests (id),
    org_id            uuid NOT NULL,
    alert_id          uuid NOT NULL,
    channel           text NOT NULL CHECK (channel IN ('email', 'webhook')),
    recipient_user_id uuid,
    recipient_email   text,
    -- Deleting an endpoint drops its pending deliveries and dead letters with it.
    endpoint_id       uuid REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    status            text NOT NULL CHECK (status IN ('pending', 'sent', 'dead')),
    -- Attempts started; a sender increments it when it claims the delivery.
    attempts          integer NOT NULL DEFAULT 0,
    -- When the delivery is due. A sender that claims it pushes this past its lease, so no other
    -- sender takes it meanwhile; if the sender dies, the delivery is due again when the lease ends.
    next_attempt_at   timestamptz NOT NULL,
    last_attempt_at   timestamptz,
    last_error        text,
    sent_at           timestamptz,
    dead_at           timestamptz,
    created_at        timestamptz NOT NULL,
    CONSTRAINT notification_deliveries_recipient CHECK (
        (channel = 'email' AND recipient_user_id IS NOT NULL AND recipient_email IS NOT NULL AND endpoint_id IS NULL)
        OR (channel = 'webhook' AND endpoint_id IS NOT NULL AND recipient_user_id IS NULL))
);
CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_deliveries_dead_idx ON notification_deliveries (org_id, dead_at DESC) WHERE status = 'dead';
CREATE INDEX notification_deliveries_alert_idx ON notification_deliveries (alert_id);
