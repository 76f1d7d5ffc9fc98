package dev.frostline.telemetry.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.ApiKeyFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceKeyTest {

    private static final String KEY = ApiKeyFormat.compose("abcdefghij", "s".repeat(ApiKeyFormat.SECRET_LENGTH));

    private static DeviceKey keyOf(String key, boolean revoked) {
        return new DeviceKey(UUID.randomUUID(), UUID.randomUUID(), null, ApiKeyFormat.hash(key), revoked);
    }

    @Test
    void theKeyWhoseHashIsStoredIsAdmitted() {
        assertThat(keyOf(KEY, false).admits(KEY)).isTrue();
    }

    @Test
    void anotherSecretWithTheSamePrefixIsRefused() {
        String forged = ApiKeyFormat.compose("abcdefghij", "t".repeat(ApiKeyFormat.SECRET_LENGTH));

        assertThat(keyOf(KEY, false).admits(forged)).isFalse();
        assertThat(keyOf(KEY, false).admits(null)).isFalse();
    }

    @Test
    void aRevokedKeyIsRefused() {
        assertThat(keyOf(KEY, true).admits(KEY)).isFalse();
    }
}
