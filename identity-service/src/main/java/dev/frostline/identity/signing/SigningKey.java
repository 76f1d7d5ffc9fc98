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
    @Column(name = "retired_at")
    public Instant retiredAt;
}
