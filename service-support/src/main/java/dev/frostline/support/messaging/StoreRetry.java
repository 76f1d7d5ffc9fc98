package dev.frostline.support.messaging;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a consumer's database write until it succeeds. A consumer must not let an offset be
 * committed past a record it could not store, and must not skip ahead of it either (the partition's
 * order matters), so it waits for the database instead; the connector's health check reports the
 * stall if it lasts.
 */
public final class StoreRetry {

    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private StoreRetry() {
    }

    /**
     * @param write builds the write afresh for every attempt
     * @param what names the record in the log
     */
    public static <T> Uni<T> untilStored(Supplier<Uni<T>> write, Supplier<String> what) {
        // Quarkus runs Mutiny's backoff timer so that each attempt resumes on the consumer's Vert.x
        // context, where Hibernate Reactive can open a session (telemetry's StoreRetryTest proves it).
        return Uni.createFrom().deferred(write::get)
                .onFailure().invoke(e -> Log.warnf("could not store %s, retrying: %s", what.get(), e.toString()))
                .onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).indefinitely();
    }
}
