package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Everything published on {@link dev.frostline.contracts.Topics#ALERTS}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AlertOpened.class, name = "alert.opened"),
        @JsonSubTypes.Type(value = AlertResolved.class, name = "alert.resolved")
})
public sealed interface AlertEvent extends PlatformEvent permits AlertOpened, AlertResolved {
    java.util.UUID unitId();
}
