package dev.frostline.telemetry.rest;

import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.telemetry.service.IngestEndpoint;
import dev.frostline.telemetry.service.IngestMetrics;
import dev.frostline.telemetry.service.IngestingReadings;
import dev.frostline.telemetry.service.IngestingUplinks;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The Things Stack v3 webhook for uplink messages. The org authenticates it with one of its device
 * API keys, which it sets in TTS as a custom webhook header; the key's org (and site scope) decides
 * which sensors the uplinks may report for, exactly as for a device posting readings.
 */
@Path("/api/telemetry/lorawan/tts")
public class TtsWebhookResource {

    /** The dedicated header for the webhook's secret; {@code X-API-Key} is read as well. */
    public static final String SECRET_HEADER = "X-Frostline-Webhook-Secret";

    private final IngestingReadings ingesting;
    private final IngestingUplinks uplinks;
    private final TtsUplinkReader reader;
    private final IngestMetrics metrics;

    public TtsWebhookResource(IngestingReadings ingesting, IngestingUplinks uplinks, TtsUplinkReader reader,
            IngestMetrics metrics) {
        this.metrics = metrics;
        this.ingesting = ingesting;
        this.uplinks = uplinks;
        this.reader = reader;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive an uplink message webhook of The Things Stack v3",
            description = "Authenticated by a device API key in X-Frostline-Webhook-Secret (or X-API-Key). The mapped "
                    + "fields of uplink_message.decoded_payload become readings of the sensor with "
                    + "end_device_ids.dev_eui, recorded at received_at; a retried uplink is stored once. 202 with "
                    + "the reading IDs (none when no field is mapped); 400 for an unknown or unassigned DevEUI "
                    + "or a bad message; 401 for a bad secret; 422 without a decoded payload; 503 with "
                    + "Retry-After when the readings could not be stored now.")
    public Uni<Response> receive(@HeaderParam(SECRET_HEADER) String secret,
            @HeaderParam(ApiKeyFormat.HEADER) String apiKey, byte[] body) {
        return metrics.timed(IngestEndpoint.LORAWAN_TTS, () -> ingesting.authenticate(secret != null ? secret : apiKey)
                .chain(device -> uplinks.record(device, reader.read(body))))
                .map(ids -> Response.accepted(new IngestResponse(ids.size(), ids)).build());
    }
}
