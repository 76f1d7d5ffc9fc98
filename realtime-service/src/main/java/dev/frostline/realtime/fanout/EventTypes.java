package dev.frostline.realtime.fanout;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.frostline.contracts.events.AlertEvent;
import dev.frostline.contracts.events.CatalogChanged;
import dev.frostline.contracts.events.PlatformEvent;
import dev.frostline.contracts.events.TelemetryEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The wire name of every event the fan-out delivers ({@code reading.recorded}, {@code alert.opened}, ...).
 * The names are read from the {@code @JsonSubTypes} of the sealed event families in shared-contracts, so a
 * client sees exactly the type names that are on the Kafka topics, and a new event type needs no change here.
 * {@link CatalogChanged} is a family of one with no type tag on its topic; it is {@code catalog.changed}.
 */
public final class EventTypes {

    /** The sealed event families realtime consumes. */
    static final Class<?>[] FAMILIES = {TelemetryEvent.class, AlertEvent.class};

    public static final String CATALOG_CHANGED = "catalog.changed";

    private static final Map<Class<?>, String> NAMES = namesOf(FAMILIES);

    private EventTypes() {
    }

    public static String of(PlatformEvent event) {
        String name = NAMES.get(event.getClass());
        if (name == null) {
            throw new IllegalArgumentException("not a known event type: " + event.getClass().getName());
        }
        return name;
    }

    static boolean isNamed(Class<?> eventClass) {
        return NAMES.containsKey(eventClass);
    }

    private static Map<Class<?>, String> namesOf(Class<?>... families) {
        Map<Class<?>, String> names = new HashMap<>();
        for (Class<?> family : families) {
            JsonSubTypes subTypes = family.getAnnotation(JsonSubTypes.class);
            if (subTypes == null) {
                throw new IllegalStateException(family.getName() + " declares no @JsonSubTypes");
            }
            for (JsonSubTypes.Type type : subTypes.value()) {
                names.put(type.value(), type.name());
            }
        }
        names.put(CatalogChanged.class, CATALOG_CHANGED);
        return Map.copyOf(names);
    }
}
