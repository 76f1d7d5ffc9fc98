package dev.frostline.telemetry.rest;

import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.telemetry.service.IngestEndpoint;
import dev.frostline.telemetry.service.IngestMetrics;
import dev.frostline.telemetry.service.IngestingReadings;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Where devices send readings. Devices authenticate with an API key, not a user's access token. */
@Path("/api/telemetry/readings")
public class ReadingIngestResource {

    private final IngestingReadings ingesting;
    private final ReadingPayloadReader payloadReader;
    private final IngestMetrics metrics;

    public ReadingIngestResource(IngestingReadings ingesting, ReadingPayloadReader payloadReader,
            IngestMetrics metrics) {
        this.ingesting = ingesting;
        this.metrics = metrics;
        this.payloadReader = payloadReader;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one reading or a batch of up to 500 (device API key in X-API-Key)",
            description = "202 once Kafka has durably taken every reading; 400 lists each invalid reading and "
                    + "accepts none; 401 for a missing, unknown or revoked key; 503 with Retry-After when the "
                    + "readings could not be stored now. A retry with the same recordedAt and messageId gets "
                    + "the same reading ID and is stored once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = { ReadingRequest.class, ReadingBatchRequest.class })))
    public Uni<Response> submit(@HeaderParam(ApiKeyFormat.HEADER) String apiKey, byte[] body) {
        // The key is checked before the body is even parsed: an unauthenticated client costs a lookup.
        return metrics.timed(IngestEndpoint.READINGS, () -> ingesting.authenticate(apiKey)
                .chain(device -> ingesting.record(device, payloadReader.read(body), IngestEndpoint.READINGS)))
                .map(ids -> Response.accepted(new IngestResponse(ids.size(), ids)).build());
    }
}
