package dev.frostline.realtime.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One WebSocket connection of a user, kept as an audit of who was watching an org, and when. */
@Entity
@Table(name = "sessions")
public class ClientSession {
    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "close_reason")
    public String closeReason;
}
