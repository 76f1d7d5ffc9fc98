package dev.frostline.identity.rest;

import java.util.UUID;

public record MeResponse(UUID userId, String email, UUID orgId, String role) {
}
