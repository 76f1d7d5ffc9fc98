package dev.frostline.identity.rest;

import java.util.List;
import java.util.UUID;

/**
 * The caller: the stored user, every organization they belong to, and the active organization and
 * role of the token they called with.
 */
public record MeResponse(UUID userId, String email, String displayName, UUID orgId, String role,
        List<MembershipView> memberships) {
}
