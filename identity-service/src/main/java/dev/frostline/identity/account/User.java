package dev.frostline.identity.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "users")
public class User {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String email;
    /** Null for users provisioned from an external issuer: they have no password to log in with. */
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
