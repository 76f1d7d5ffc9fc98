package dev.frostline.identity.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A mail in the outbox: written with the change that causes it, sent by the relay after commit. */
@Entity
@Table(name = "mail_outbox")
public class OutgoingMail {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String recipient;
    @Column(nullable = false)
    public String subject;
    @Column(name = "text_body", nullable = false)
    public String textBody;
    @Column(name = "html_body")
    public String htmlBody;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "given_up_at")
    public Instant givenUpAt;
    @Column(name = "last_error")
    public String lastError;
}
