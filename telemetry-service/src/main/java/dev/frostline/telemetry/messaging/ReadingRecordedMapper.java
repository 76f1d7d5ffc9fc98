package dev.frostline.telemetry.messaging;

import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.telemetry.reading.Reading;

public final class ReadingRecordedMapper {

    private ReadingRecordedMapper() {
    }

    public static Reading toReading(ReadingRecorded event) {
        Reading reading = new Reading();
        reading.id = event.eventId();
        reading.orgId = event.orgId();
        reading.siteId = event.siteId();
        reading.unitId = event.unitId();
        reading.metric = event.metric();
        reading.value = event.value();
        reading.recordedAt = event.recordedAt();
        reading.receivedAt = event.occurredAt();
        reading.sensorId = event.sensorId();
        reading.messageId = event.messageId();
        return reading;
    }
}
