package dev.frostline.telemetry.messaging;

import dev.frostline.support.messaging.StoreRetry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.telemetry.repository.ReadingRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StoreRetryTest {

    @Inject
    Vertx vertx;

    @Inject
    ReadingRepository readings;

    @Test
    void aFailedWriteIsRetriedOnTheConsumersContextWhereTheDatabaseIsUsable() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Long> result = new CompletableFuture<>();
        // The kind of context a Kafka consumer method runs on.
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);

        context.runOnContext(ignored -> StoreRetry.untilStored(
                        () -> attempts.incrementAndGet() == 1
                                ? Uni.createFrom().failure(new IllegalStateException("database down"))
                                : Panache.withTransaction(readings::count),
                        () -> "a test write")
                .subscribe().with(result::complete, result::completeExceptionally));

        assertThat(result.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(attempts).hasValue(2);
    }
}
