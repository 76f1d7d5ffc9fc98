package dev.frostline.identity.signing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "signing_keys")
public class SigningKey {
    @Id
    public String kid;
    @Column(name = "private_key_pem", nullable = false)
    public String privateKeyPem;
    @Column(name = "public_jwk", nullable = false)
    public String publicJwk;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** Published from creation on, signing only from here on. */
    @Column(name = "activates_at", nullable = false)
    public Instant activatesAt;
    /** Set when a successor is created: when every token this key signed has expired. */
    @Column(name = "retires_at")
    public Instant retiresAt;
    /** Set by the retirement job: no longer published. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    public KeyTimeline timeline() {
        return new KeyTimeline(kid, createdAt, activatesAt, retiresAt, retiredAt);
    }
}
