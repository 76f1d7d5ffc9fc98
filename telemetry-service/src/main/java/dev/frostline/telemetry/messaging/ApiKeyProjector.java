package dev.frostline.telemetry.messaging;

import dev.frostline.support.messaging.StoreRetry;
import dev.frostline.contracts.events.ApiKeyState;
import dev.frostline.telemetry.repository.ApiKeyProjectionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps {@code api_key_projection} current from identity's compacted key topic, so ingest checks
 * device keys locally, without calling identity. A revoked key is refused as soon as its state
 * record is applied here.
 */
@ApplicationScoped
public class ApiKeyProjector {

    private final ApiKeyProjectionRepository keys;

    public ApiKeyProjector(ApiKeyProjectionRepository keys) {
        this.keys = keys;
    }

    @Incoming("identity-api-keys")
    public Uni<Void> apply(ApiKeyState state) {
        if (state == null) {
            // A tombstone, or a record that is not an ApiKeyState: nothing to apply.
            Log.warn("skipping an empty or unreadable API key record");
            return Uni.createFrom().voidItem();
        }
        // The offset is committed only once this completes: a database outage stalls the projection
        // instead of skipping a key state (a skipped revocation would keep a key alive).
        return StoreRetry.untilStored(
                () -> Panache.withTransaction(() -> keys.upsert(ApiKeyStateMapper.toProjection(state))),
                () -> "API key state " + state.keyId());
    }
}
