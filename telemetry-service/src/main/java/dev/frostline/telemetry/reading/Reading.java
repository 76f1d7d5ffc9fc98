package dev.frostline.telemetry.reading;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored reading. Its ID is the eventId of the ReadingRecorded it came from. */
@Entity
@Table(name = "readings")
public class Reading {
    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;
    @Column(nullable = false)
    public String metric;
    @Column(nullable = false)
    public double value;
    /** When the device measured it. */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
    /** The sensor that measured it (named by the device, else the unit's primary); null if unknown. */
    @Column(name = "sensor_id")
    public UUID sensorId;
    /** The device's own message ID, if it sent one. */
    @Column(name = "message_id")
    public String messageId;
    /** When the platform accepted it. */
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
