package dev.frostline.telemetry.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.telemetry.TelemetryFixtures;
import dev.frostline.telemetry.apikey.DeviceKey;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ingest's key lookup against the real projection table. */
@QuarkusTest
class DeviceKeyReadsTest {

    @Inject
    DeviceKeyReads reads;

    @Inject
    AgroalDataSource db;

    @Test
    void aKeyIsFoundByItsPrefixWithItsOrgAndScope() throws SQLException {
        String key = TelemetryFixtures.newKey();
        DeviceKey stored = new DeviceKey(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), ApiKeyFormat.hash(key),
                false);
        store(key, stored);

        DeviceKey found = findByPrefixOf(key);

        assertThat(found).isEqualTo(stored);
        assertThat(found.admits(key)).isTrue();
    }

    @Test
    void aRevokedKeyIsFoundRevokedAndAdmitsNothing() throws SQLException {
        String key = TelemetryFixtures.newKey();
        store(key, new DeviceKey(UUID.randomUUID(), UUID.randomUUID(), null, ApiKeyFormat.hash(key), true));

        DeviceKey found = findByPrefixOf(key);

        assertThat(found.revoked()).isTrue();
        assertThat(found.siteId()).isNull();
        assertThat(found.admits(key)).isFalse();
    }

    @Test
    void anUnknownPrefixFindsNoKey() {
        assertThat(findByPrefixOf(TelemetryFixtures.newKey())).isNull();
    }

    private DeviceKey findByPrefixOf(String key) {
        return reads.findByPrefix(ApiKeyFormat.prefixOf(key).orElseThrow()).await().atMost(Duration.ofSeconds(30));
    }

    private void store(String key, DeviceKey state) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into api_key_projection (key_id, org_id, site_id, prefix, secret_hash, revoked, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """)) {
            insert.setObject(1, state.keyId());
            insert.setObject(2, state.orgId());
            insert.setObject(3, state.siteId());
            insert.setString(4, ApiKeyFormat.prefixOf(key).orElseThrow());
            insert.setString(5, state.secretHash());
            insert.setBoolean(6, state.revoked());
            insert.setTimestamp(7, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}
