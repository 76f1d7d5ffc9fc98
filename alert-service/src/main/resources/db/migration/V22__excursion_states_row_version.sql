-- Readings no longer lock their units' states before rewriting them: each write of a state bumps
-- row_version, and the reading path rewrites a row only if it is still the version it read (else
-- its whole batch is retried with the rows locked). Not indexed, so updates can stay HOT.
ALTER TABLE excursion_states ADD COLUMN row_version bigint NOT NULL DEFAULT 0;
