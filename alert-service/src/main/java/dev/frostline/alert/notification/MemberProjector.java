package dev.frostline.alert.notification;

import dev.frostline.contracts.events.MemberState;
import dev.frostline.support.messaging.StoreRetry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps {@code member_projection} current from identity's compacted members topic, so the dispatcher
 * knows every org's members, roles and emails without calling identity. The upsert keeps the highest
 * version: redelivery and replay never move a member backwards, and every replica rebuilds the same
 * table by replaying the topic from the start when it starts (channel {@code identity-members}).
 */
@ApplicationScoped
public class MemberProjector {

    private static final String UPSERT = """
            insert into member_projection (org_id, user_id, email, role, removed, version, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (org_id, user_id) do update set
              email = excluded.email, role = excluded.role, removed = excluded.removed,
              version = excluded.version, updated_at = excluded.updated_at
            where member_projection.version < excluded.version
            """;

    private final Pool pool;

    public MemberProjector(Pool pool) {
        this.pool = pool;
    }

    @Incoming("identity-members")
    public Uni<Void> apply(MemberState state) {
        if (state == null) {
            // A tombstone, or a record that is not a MemberState: nothing to apply.
            Log.warn("skipping an empty or unreadable member record");
            return Uni.createFrom().voidItem();
        }
        // The channel moves on only once this completes: a database outage stalls the projection
        // instead of skipping a removal (a skipped removal would keep mailing a former member).
        return StoreRetry.untilStored(() -> pool.preparedQuery(UPSERT)
                        .execute(Tuple.from(Arrays.asList(state.orgId(), state.userId(), state.email(),
                                state.role().claimValue(), state.removed(), state.version(),
                                Timestamps.of(state.updatedAt()))))
                        .replaceWithVoid(),
                () -> "member state " + state.key() + " v" + state.version());
    }
}
