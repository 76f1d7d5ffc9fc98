-- Members are published on the compacted topic frostline.identity.members.v1 (MemberState) through
-- the outbox, so other services (alert-service's notifications) know who belongs to an org and with
-- which role and email, without calling identity.
--
-- The version of each membership's state, counted here and not derived from a clock: the upsert
-- that increments it locks the row until the change commits, so two changes of one membership are
-- numbered, written to the outbox and published in the same order. Kept after a removal, so a
-- membership that is removed and created again continues its count.
CREATE TABLE member_state_versions (
    org_id  uuid NOT NULL,
    user_id uuid NOT NULL,
    version bigint NOT NULL,
    PRIMARY KEY (org_id, user_id)
);

-- Every membership that exists before this migration is published once as version 1.
INSERT INTO member_state_versions (org_id, user_id, version)
SELECT org_id, user_id, 1 FROM memberships;

INSERT INTO outbox (topic, record_key, payload, created_at)
SELECT 'frostline.identity.members.v1',
       m.org_id || ':' || m.user_id,
       json_build_object(
           'orgId', m.org_id,
           'userId', m.user_id,
           'email', u.email,
           'role', upper(m.role),
           'removed', false,
           'version', 1,
           'updatedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text,
       now()
FROM memberships m JOIN users u ON u.id = m.user_id
ORDER BY m.org_id, m.user_id;
