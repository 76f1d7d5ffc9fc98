package dev.frostline.identity.rest;

import dev.frostline.identity.service.IssuingAccessTokens.IssuedToken;
import java.util.UUID;

public record TokenResponse(String accessToken, String tokenType, long expiresIn, UUID userId, UUID orgId, String role) {

    static TokenResponse of(IssuedToken token) {
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds(), token.userId(), token.orgId(),
                token.role());
    }
}
