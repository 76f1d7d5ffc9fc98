package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.frostline.contracts.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The current state of one user's membership in one organization, on the compacted
 * {@link dev.frostline.contracts.Topics#IDENTITY_MEMBERS} topic, keyed {@code orgId:userId}.
 * identity publishes it on every membership creation, role change and removal, and on every email
 * change of the user; alert-service keeps a projection of it to know whom to notify without calling
 * identity. Projections keep the highest {@code version}: identity counts the versions of each
 * membership in the transaction that changes it, so a higher version is always the newer state.
 *
 * @param removed the user is no longer a member; {@code role} and {@code email} are the last ones
 *        the membership had (a deleted account's email is already replaced by a placeholder)
 */
// Tolerant reader: a newer producer may add fields; older consumers must keep working.
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberState(
        UUID orgId,
        UUID userId,
        String email,
        Role role,
        boolean removed,
        long version,
        Instant updatedAt) {

    public MemberState {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The record key: one compacted entry per membership. */
    public String key() {
        return key(orgId, userId);
    }

    public static String key(UUID orgId, UUID userId) {
        return orgId + ":" + userId;
    }
}
