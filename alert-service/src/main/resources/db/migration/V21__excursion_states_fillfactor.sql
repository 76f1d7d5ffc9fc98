-- Every reading rewrites its unit's states (clock, last value, last seen). None of the columns that
-- change is indexed, so the new row version can stay on its page (a HOT update, no index write) if
-- the page has room: leave that room. Applies to pages written from now on.
ALTER TABLE excursion_states SET (fillfactor = 70);
