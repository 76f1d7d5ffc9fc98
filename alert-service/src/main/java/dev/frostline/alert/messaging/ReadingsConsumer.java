package dev.frostline.alert.messaging;

import dev.frostline.alert.config.AlertConfig;
import dev.frostline.alert.service.EvaluatingReadings;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.contracts.events.TelemetryEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds every reading to {@link EvaluatingReadings}. The offset is committed only after the
 * evaluation's transaction has committed (the returned Uni completes), so a crash redelivers the
 * reading, and evaluation is idempotent under redelivery.
 */
@ApplicationScoped
public class ReadingsConsumer {

    private final EvaluatingReadings evaluating;
    private final AlertConfig config;

    public ReadingsConsumer(EvaluatingReadings evaluating, AlertConfig config) {
        this.evaluating = evaluating;
        this.config = config;
    }

    @Incoming("readings")
    public Uni<Void> consume(TelemetryEvent event) {
        if (event == null) {
            // A record that is not a TelemetryEvent we know (fail-on-deserialization-failure=false): it can
            // never become readable, so stopping the channel for it would only halt all alerting.
            Log.warn("skipped an unreadable record on the readings channel");
            return Uni.createFrom().voidItem();
        }
        // Java 17 has no pattern switch; ReadingRecorded is the only permitted TelemetryEvent, and a new
        // permitted type must be handled here before it is published.
        if (event instanceof ReadingRecorded reading) {
            return withRetries(() -> evaluating.evaluate(reading));
        }
        Log.warnf("ignored telemetry event %s of unhandled type %s", event.eventId(), event.getClass().getSimpleName());
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> withRetries(Supplier<Uni<Void>> evaluation) {
        Uni<Void> attempt = Uni.createFrom().deferred(evaluation::get);
        // A retry is resubscribed from a timer thread; Hibernate Reactive must run on this Vert.x context.
        Context context = Vertx.currentContext();
        if (context != null) {
            attempt = attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        AlertConfig.Evaluation retry = config.evaluation();
        return attempt
                .onFailure().invoke(e -> Log.warnf("evaluating a reading failed, will retry: %s", e.toString()))
                .onFailure().retry().withBackOff(retry.retryBackoff()).atMost(retry.retries());
    }
}
