-- The version of the state a unit or sensor last published on its compacted topic. It is separate
-- from the row's version (the ETag) because a unit's published state also changes when its site is
-- renamed or its primary sensor changes, and a sensor's when its unit moves to another site; the
-- consumers keep a state only if its version is higher than the one they hold. Every state published
-- so far carried the row's version, so the published versions continue from there.
ALTER TABLE units ADD COLUMN state_version bigint;
UPDATE units SET state_version = version;
ALTER TABLE units ALTER COLUMN state_version SET NOT NULL;

ALTER TABLE sensors ADD COLUMN state_version bigint;
UPDATE sensors SET state_version = version;
ALTER TABLE sensors ALTER COLUMN state_version SET NOT NULL;
