package dev.frostline.telemetry.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.ApiKeyFormat;
import org.junit.jupiter.api.Test;

class ApiKeyProjectionTest {

    private static final String KEY = ApiKeyFormat.compose("abcdefghij", "s".repeat(ApiKeyFormat.SECRET_LENGTH));

    private static ApiKeyProjection projectionOf(String key, boolean revoked) {
        ApiKeyProjection projection = new ApiKeyProjection();
        projection.prefix = ApiKeyFormat.prefixOf(key).orElseThrow();
        projection.secretHash = ApiKeyFormat.hash(key);
        projection.revoked = revoked;
        return projection;
    }

    @Test
    void theKeyWhoseHashIsStoredIsAdmitted() {
        assertThat(projectionOf(KEY, false).admits(KEY)).isTrue();
    }

    @Test
    void anotherSecretWithTheSamePrefixIsRefused() {
        String forged = ApiKeyFormat.compose("abcdefghij", "t".repeat(ApiKeyFormat.SECRET_LENGTH));

        assertThat(projectionOf(KEY, false).admits(forged)).isFalse();
        assertThat(projectionOf(KEY, false).admits(null)).isFalse();
    }

    @Test
    void aRevokedKeyIsRefused() {
        assertThat(projectionOf(KEY, true).admits(KEY)).isFalse();
    }
}
