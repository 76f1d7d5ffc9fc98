package dev.frostline.telemetry.lorawan;

import java.time.Instant;
import java.util.Map;

/**
 * The parts of a LoRaWAN uplink that telemetry uses, whatever the network server's message format.
 *
 * @param devEui as the network server wrote it (normalized when the sensor is looked up)
 * @param sessionKeyId identifies the device's session, or null when the network server did not say
 * @param decodedPayload the payload formatter's output; null when the application has none
 */
public record Uplink(String devEui, Instant receivedAt, long frameCounter, String sessionKeyId,
        Map<String, Object> decodedPayload) {

    /**
     * The device message ID of the uplink's readings: the frame counter within the device's session.
     * The network server retrying a webhook sends the same one, so the retry is stored once. The
     * session is part of it because the counter restarts at 0 when the device joins again: by
     * DevEUI and counter alone, every uplink after a rejoin would be taken for an old one.
     */
    public String messageId() {
        return sessionKeyId == null
                ? devEui + ":" + frameCounter
                : devEui + ":" + sessionKeyId + ":" + frameCounter;
    }
}
