package dev.frostline.realtime.repository;

import dev.frostline.realtime.session.ClientSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes the connection audit. The open and the close of one connection are written independently
 * and may arrive in either order, so both are upserts that never undo each other: the open only
 * creates the row, the close creates or completes it.
 */
@ApplicationScoped
public class ClientSessionRepository implements PanacheRepositoryBase<ClientSession, UUID> {

    private static final String RECORD_OPENED = """
            insert into sessions (id, user_id, org_id, opened_at)
            values (?1, ?2, ?3, ?4)
            on conflict (id) do nothing
            """;

    private static final String RECORD_CLOSED = """
            insert into sessions (id, user_id, org_id, opened_at, closed_at, close_reason)
            values (?1, ?2, ?3, ?4, ?5, ?6)
            on conflict (id) do update set closed_at = excluded.closed_at, close_reason = excluded.close_reason
            """;

    /** Call inside a transaction. */
    public Uni<Void> recordOpened(UUID id, UUID userId, UUID orgId, Instant openedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD_OPENED)
                        .setParameter(1, id)
                        .setParameter(2, userId)
                        .setParameter(3, orgId)
                        .setParameter(4, openedAt)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Call inside a transaction. */
    public Uni<Void> recordClosed(UUID id, UUID userId, UUID orgId, Instant openedAt, Instant closedAt,
            String closeReason) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD_CLOSED)
                        .setParameter(1, id)
                        .setParameter(2, userId)
                        .setParameter(3, orgId)
                        .setParameter(4, openedAt)
                        .setParameter(5, closedAt)
                        .setParameter(6, closeReason)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
