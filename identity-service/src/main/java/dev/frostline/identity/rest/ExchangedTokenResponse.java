package dev.frostline.identity.rest;

import dev.frostline.identity.service.IssuingAccessTokens.IssuedToken;
import java.util.UUID;

/**
 * A Frostline access token for the holder of an external token. There is no refresh token: when it
 * expires (never later than the external token), exchange a fresh external token.
 */
public record ExchangedTokenResponse(String accessToken, String tokenType, long expiresIn, UUID userId, UUID orgId,
        String role) {

    static ExchangedTokenResponse of(IssuedToken token) {
        return new ExchangedTokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds(), token.userId(),
                token.orgId(), token.role());
    }
}
