package dev.frostline.identity.account;

import dev.frostline.contracts.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A user's role in one organization. */
@Entity
@Table(name = "memberships")
@IdClass(Membership.Key.class)
public class Membership {
    @Id
    @Column(name = "user_id")
    public UUID userId;
    @Id
    @Column(name = "org_id")
    public UUID orgId;
    @Convert(converter = RoleColumn.class)
    @Column(nullable = false)
    public Role role;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public record Key(UUID userId, UUID orgId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
