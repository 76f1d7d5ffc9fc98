package dev.frostline.telemetry.service;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.telemetry.config.TelemetryConfig;
import dev.frostline.telemetry.lorawan.Uplink;
import dev.frostline.telemetry.lorawan.UplinkFieldMapping;
import dev.frostline.telemetry.lorawan.UplinkReadings;
import dev.frostline.telemetry.reading.SubmittedBatch;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Accepts LoRaWAN uplinks forwarded by a network server: the mapped fields of the decoded payload
 * become readings of the sensor with the uplink's DevEUI, validated and published all or nothing
 * exactly like readings posted by a device ({@link IngestingReadings}).
 */
@Startup // parses the field mapping at start, so a bad FROSTLINE_TELEMETRY_LORAWAN_FIELDS fails the start
@ApplicationScoped
public class IngestingUplinks {

    public static final ProblemType NO_DECODED_PAYLOAD = new ProblemType("no-decoded-payload",
            "Uplink without a decoded payload", 422);

    private final IngestingReadings ingesting;
    private final UplinkFieldMapping mapping;

    public IngestingUplinks(IngestingReadings ingesting, TelemetryConfig config) {
        this.ingesting = ingesting;
        this.mapping = UplinkFieldMapping.parse(config.lorawan().fields());
    }

    /**
     * The IDs of the uplink's readings. An uplink none of whose decoded fields is mapped (a status
     * frame, say) stores nothing and is answered with no IDs: it is not an error the network
     * server could fix by retrying. Without a decoded payload at all the application has no
     * payload formatter, which is an error of its setup: 422.
     */
    public Uni<List<UUID>> record(IngestingReadings.Device device, Uplink uplink) {
        if (uplink.decodedPayload() == null) {
            return Uni.createFrom().failure(new ProblemException(NO_DECODED_PAYLOAD, "The uplink has no "
                    + "uplink_message.decoded_payload: give the device or application a payload formatter "
                    + "(for example the device repository's) in The Things Stack."));
        }
        SubmittedBatch batch = UplinkReadings.of(uplink, mapping);
        if (batch.size() == 0) {
            return Uni.createFrom().item(List.of());
        }
        return ingesting.record(device, batch, IngestEndpoint.LORAWAN_TTS);
    }
}
