package dev.frostline.telemetry.lorawan;

import dev.frostline.telemetry.reading.ReadingError;
import dev.frostline.telemetry.reading.SubmittedBatch;
import dev.frostline.telemetry.reading.SubmittedReading;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns an uplink into the readings it carries: one per mapped field, for the sensor with the
 * uplink's DevEUI, measured when the network server received it. From there they are validated
 * and published like any other device's readings.
 */
public final class UplinkReadings {

    private UplinkReadings() {
    }

    /** Numbers are taken as they are, booleans as 1 and 0; any other value of a mapped field is an error. */
    public static SubmittedBatch of(Uplink uplink, UplinkFieldMapping mapping) {
        List<UplinkFieldMapping.MappedValue> mapped = mapping.map(uplink.decodedPayload());
        List<SubmittedReading> readings = new ArrayList<>(mapped.size());
        List<ReadingError> unreadable = new ArrayList<>();
        for (int index = 0; index < mapped.size(); index++) {
            UplinkFieldMapping.MappedValue field = mapped.get(index);
            Double value = number(field.value());
            if (value == null) {
                readings.add(null);
                unreadable.add(new ReadingError(index, "uplink_message.decoded_payload." + field.field(),
                        "must be a number or a boolean to be read as " + field.metric().wireName()));
            } else {
                readings.add(new SubmittedReading(null, null, uplink.devEui(), field.metric().wireName(), value,
                        uplink.receivedAt(), uplink.messageId()));
            }
        }
        return new SubmittedBatch(Collections.unmodifiableList(readings), List.copyOf(unreadable));
    }

    private static Double number(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Boolean flag) {
            return flag ? 1.0 : 0.0;
        }
        return null;
    }
}
