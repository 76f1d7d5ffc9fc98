-- The notification outbox: the alert engine writes one row per notice an alert is due (opened,
-- reminder, escalated, acknowledged, resolved) in the same transaction as the state change that
-- causes it; the notification dispatcher turns each row into deliveries (email per recipient,
-- webhook per endpoint) and sends them after commit. Nothing is sent for a change that rolled back,
-- and nothing committed is lost.
CREATE TABLE notification_requests (
    -- Derived from the alert and the notice (for example its step or reminder number), never random:
    -- a redelivered reading or a timer fired twice finds the row already there and adds nothing.
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL,
    alert_id    uuid NOT NULL,
    site_id     uuid,
    unit_id     uuid NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('opened', 'reminder', 'escalated', 'acknowledged', 'resolved')),
    severity    text NOT NULL CHECK (severity IN ('warning', 'critical')),
    -- The lowest role that hears about it: every member of the org with this role or a higher one.
    audience    text NOT NULL CHECK (audience IN ('viewer', 'staff', 'manager', 'admin', 'owner')),
    subject     text NOT NULL,
    -- The alert as integrations see it (the JSON body a webhook receives).
    body        jsonb NOT NULL,
    created_at  timestamptz NOT NULL,
    -- Set by the dispatcher once it has written this request's deliveries.
    expanded_at timestamptz
);
CREATE INDEX notification_requests_unexpanded_idx ON notification_requests (created_at) WHERE expanded_at IS NULL;
CREATE INDEX notification_requests_alert_idx ON notification_requests (alert_id);
