package dev.frostline.identity.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "organizations")
public class Organization {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
