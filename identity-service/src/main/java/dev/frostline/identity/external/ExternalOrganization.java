package dev.frostline.identity.external;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The Frostline organization an issuer's org claim value stands for. */
@Entity
@Table(name = "external_organizations")
@IdClass(ExternalOrganization.Key.class)
public class ExternalOrganization {
    @Id
    public String issuer;
    @Id
    @Column(name = "external_org_id")
    public String externalOrgId;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public record Key(String issuer, String externalOrgId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
