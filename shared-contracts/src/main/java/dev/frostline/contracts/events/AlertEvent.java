package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * Everything published on {@link dev.frostline.contracts.Topics#ALERTS}: every excursion transition
 * of a unit against a rule, and every change of an alert. Keyed by unit ID, so one unit's events keep
 * their order. Event IDs derive from what caused them, so a consumer may deduplicate on them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AlertOpened.class, name = "alert.opened"),
        @JsonSubTypes.Type(value = AlertResolved.class, name = "alert.resolved"),
        @JsonSubTypes.Type(value = AlertAcknowledged.class, name = "alert.acknowledged"),
        @JsonSubTypes.Type(value = AlertEscalated.class, name = "alert.escalated"),
        @JsonSubTypes.Type(value = AlertPeakUpdated.class, name = "alert.peak_updated"),
        @JsonSubTypes.Type(value = ExcursionStateChanged.class, name = "excursion.state_changed")
})
public sealed interface AlertEvent extends PlatformEvent
        permits AlertOpened, AlertResolved, AlertAcknowledged, AlertEscalated, AlertPeakUpdated, ExcursionStateChanged {

    UUID unitId();

    /** The unit's site, or null if not known. */
    UUID siteId();
}
