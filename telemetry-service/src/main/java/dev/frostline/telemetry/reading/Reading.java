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
    /** When the platform accepted it. */
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
