package dev.frostline.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Everything published on {@link dev.frostline.contracts.Topics#READINGS}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ReadingRecorded.class, name = "reading.recorded")
})
public sealed interface TelemetryEvent extends PlatformEvent permits ReadingRecorded {
}
