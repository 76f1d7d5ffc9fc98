-- Readings may name their sensor (by ID or DevEUI) and carry the device's message ID; both are kept
-- with the reading. sensor_id is the named sensor, else the unit's primary sensor when the reading
-- was accepted; rows stored before stay null.
ALTER TABLE readings
    ADD COLUMN sensor_id  uuid,
    ADD COLUMN message_id text;
