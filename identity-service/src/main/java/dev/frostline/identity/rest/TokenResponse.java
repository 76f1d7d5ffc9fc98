package dev.frostline.identity.rest;

import dev.frostline.identity.service.RotatingRefreshTokens.SessionTokens;
import java.util.UUID;

/**
 * @param refreshToken single use: exchange it at {@code /api/identity/token/refresh} for the next pair
 * @param refreshExpiresIn seconds until the refresh token expires
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
        long refreshExpiresIn, UUID userId, UUID orgId, String role) {

    static TokenResponse of(SessionTokens tokens) {
        return new TokenResponse(tokens.access().accessToken(), "Bearer", tokens.access().expiresInSeconds(),
                tokens.refreshToken(), tokens.refreshExpiresInSeconds(), tokens.access().userId(),
                tokens.access().orgId(), tokens.access().role());
    }
}
