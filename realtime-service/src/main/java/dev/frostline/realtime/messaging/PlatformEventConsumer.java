package dev.frostline.realtime.messaging;

import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.PlatformEvent;
import dev.frostline.contracts.events.TelemetryEvent;
import dev.frostline.realtime.fanout.Fanout;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the readings and alerts topics to the fan-out. Each replica consumes every partition (its own
 * consumer group, see application.properties), because its clients may belong to any org. Delivery is
 * best effort and live: nothing here waits for a client, and nothing is retried.
 */
@ApplicationScoped
public class PlatformEventConsumer {

    private final Fanout fanout;

    public PlatformEventConsumer(Fanout fanout) {
        this.fanout = fanout;
    }

    // Returning Uni keeps these on the consumer's event loop: the fan-out only queues writes.
    @Incoming("readings")
    public Uni<Void> onTelemetry(TelemetryEvent event) {
        return deliver(event);
    }

    @Incoming("alerts")
    public Uni<Void> onAlert(AlertEvent event) {
        return deliver(event);
    }

    private Uni<Void> deliver(PlatformEvent event) {
        if (event == null) {
            // The deserializer could not read the record (fail-on-deserialization-failure=false): skip it.
            return Uni.createFrom().voidItem();
        }
        int clients = fanout.publish(event);
        Log.debugf("event %s of org %s sent to %d clients", event.eventId(), event.orgId(), clients);
        return Uni.createFrom().voidItem();
    }
}
