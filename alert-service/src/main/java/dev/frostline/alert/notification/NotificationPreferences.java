package dev.frostline.alert.notification;

import java.time.Clock;
import dev.frostline.alert.rule.Severity;
import dev.frostline.contracts.Role;
import dev.frostline.support.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each member's own notification preferences in the caller's org. Without a stored row a member gets
 * every notice their role is in the audience of, by email: {@link #DEFAULT}.
 */
@ApplicationScoped
public class NotificationPreferences {

    /** Which channels reach the member (only email: webhooks belong to the org) and from which severity. */
    public record Preferences(boolean email, Severity minSeverity) {
    }

    public static final Preferences DEFAULT = new Preferences(true, Severity.WARNING);

    private static final String UPSERT = """
            insert into notification_preferences (org_id, user_id, email_enabled, min_severity, updated_at)
            values ($1, $2, $3, $4, $5)
            on conflict (org_id, user_id) do update set
              email_enabled = excluded.email_enabled, min_severity = excluded.min_severity,
              updated_at = excluded.updated_at
            """;

    private final Pool pool;
    private final Clock clock;

    public NotificationPreferences(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Preferences> of(Caller caller) {
        caller.require(Role.VIEWER);
        return pool.preparedQuery("select email_enabled, min_severity from notification_preferences"
                        + " where org_id = $1 and user_id = $2")
                .execute(Tuple.of(caller.orgId(), caller.userId()))
                .map(rows -> rows.size() == 0 ? DEFAULT : preferences(rows.iterator().next()));
    }

    public Uni<Preferences> set(Caller caller, Preferences preferences) {
        caller.require(Role.VIEWER);
        return pool.preparedQuery(UPSERT)
                .execute(Tuple.of(caller.orgId(), caller.userId(), preferences.email(),
                        preferences.minSeverity().wireName(), Timestamps.of(clock.instant())))
                .replaceWith(preferences);
    }

    private static Preferences preferences(Row row) {
        return new Preferences(row.getBoolean("email_enabled"), Severities.fromColumn(row.getString("min_severity")));
    }
}
