package dev.frostline.identity.repository;

import dev.frostline.identity.login.FailureCount;
import dev.frostline.identity.login.LoginFailure;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class LoginFailureRepository implements PanacheRepositoryBase<LoginFailure, String> {

    /**
     * The counts of these keys, read as values: loading managed entities here would make the later
     * lockOrCreate upgrade their lock, a path on which Hibernate Reactive 3.2 emits invalid SQL.
     */
    public Uni<Map<String, FailureCount>> countsOf(List<String> keys) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery("select throttleKey, failures, firstAt, lastAt, lockedUntil"
                        + " from LoginFailure where throttleKey in (:keys) and failures > 0", Object[].class)
                        .setParameter("keys", keys)
                        .getResultList())
                .map(rows -> {
                    Map<String, FailureCount> counts = new HashMap<>();
                    for (Object[] row : rows) {
                        counts.put((String) row[0], new FailureCount((Integer) row[1], (Instant) row[2], (Instant) row[3],
                                (Instant) row[4]));
                    }
                    return counts;
                });
    }

    /**
     * The key's row, created with no failures if missing, locked FOR UPDATE until the transaction
     * ends: concurrent failures of one key are counted one after the other, never lost.
     */
    public Uni<LoginFailure> lockOrCreate(String key, Instant now) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("insert into login_failures (throttle_key, failures, first_at, last_at)"
                        + " values (?1, 0, ?2, ?2) on conflict (throttle_key) do nothing")
                        .setParameter(1, key)
                        .setParameter(2, now)
                        .executeUpdate())
                .chain(() -> findById(key, LockModeType.PESSIMISTIC_WRITE));
    }

    public Uni<Long> deleteKey(String key) {
        return delete("throttleKey", key);
    }

    /** Rows last written before {@code cutoff} (and not locked past it) can no longer matter. */
    public Uni<Long> deleteForgotten(Instant cutoff) {
        return delete("lastAt < ?1 and (lockedUntil is null or lockedUntil < ?1)", cutoff);
    }
}
