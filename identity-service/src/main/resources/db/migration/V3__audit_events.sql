-- Security-relevant events (logins, refresh-token reuse, API keys, roles, ...), kept for admins to query.
-- Append-only: rows are never updated. org_id is null for events that belong to no organization
-- (a failed login for an unknown email, say).
CREATE TABLE audit_events (
    id            uuid PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    action        text NOT NULL,
    org_id        uuid,
    actor_id      uuid,
    target_id     text,
    client_ip     text,
    request_id    text,
    details       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_org_time_idx ON audit_events (org_id, occurred_at DESC);
CREATE INDEX audit_events_actor_time_idx ON audit_events (actor_id, occurred_at DESC);
