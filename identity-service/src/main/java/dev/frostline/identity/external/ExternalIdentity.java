package dev.frostline.identity.external;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The Frostline user an external account (issuer and subject) was provisioned as. */
@Entity
@Table(name = "external_identities")
@IdClass(ExternalIdentity.Key.class)
public class ExternalIdentity {
    @Id
    public String issuer;
    @Id
    public String subject;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public record Key(String issuer, String subject) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
