-- realtime-service schema: an audit of WebSocket connections ("who was watching, and when").
-- A row is written when a connection opens and completed when it closes. Both writes are upserts,
-- so the close of a connection that dropped at once is recorded even if it lands before the open.
-- A row whose closed_at stays null belongs to a replica that stopped without closing its sockets.

CREATE TABLE sessions (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL,
    org_id       uuid NOT NULL,
    opened_at    timestamptz NOT NULL,
    closed_at    timestamptz,
    close_reason text
);
CREATE INDEX sessions_org_opened_idx ON sessions (org_id, opened_at);
CREATE INDEX sessions_user_idx ON sessions (user_id);
