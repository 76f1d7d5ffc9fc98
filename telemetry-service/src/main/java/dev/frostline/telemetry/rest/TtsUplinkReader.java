package dev.frostline.telemetry.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.telemetry.config.TelemetryConfig;
import dev.frostline.telemetry.lorawan.Uplink;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads The Things Stack v3 uplink message ({@code end_device_ids}, {@code received_at},
 * {@code uplink_message}) into an {@link Uplink}. Read from the tree, tolerantly: the network server
 * adds fields with its releases, and none of them should break ingest. TTS writes protobuf JSON,
 * which leaves out zero values, so a missing {@code f_cnt} is frame 0.
 */
@ApplicationScoped
public class TtsUplinkReader {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    public TtsUplinkReader(ObjectMapper mapper, TelemetryConfig config) {
        this.mapper = mapper;
        this.maxBodyBytes = config.ingest().maxBodySize().asLongValue();
    }

    public Uplink read(byte[] body) {
        if (body.length > maxBodyBytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The body is larger than "
                    + maxBodyBytes / 1024 + " KB; this is not an uplink message.");
        }
        JsonNode root = parse(body);
        List<Map<String, Object>> errors = new ArrayList<>();
        String devEui = text(root.path("end_device_ids").path("dev_eui"), "end_device_ids.dev_eui", errors);
        Instant receivedAt = instant(root.path("received_at"), errors);
        JsonNode message = root.path("uplink_message");
        if (!message.isObject()) {
            errors.add(error("uplink_message", "is required: point the webhook's uplink message path here only"));
        }
        JsonNode frameCounter = message.path("f_cnt");
        if (!frameCounter.isMissingNode() && !frameCounter.canConvertToLong()) {
            errors.add(error("uplink_message.f_cnt", "must be a whole number"));
        }
        JsonNode session = message.path("session_key_id");
        JsonNode decoded = message.path("decoded_payload");
        if (!decoded.isMissingNode() && !decoded.isNull() && !decoded.isObject()) {
            errors.add(error("uplink_message.decoded_payload", "must be a JSON object"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "This is not a usable uplink message of The "
                    + "Things Stack v3.", errors);
        }
        return new Uplink(devEui, receivedAt, frameCounter.asLong(0), session.isTextual() ? session.asText() : null,
                decoded.isObject() ? mapper.convertValue(decoded, OBJECT) : null);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode root = body.length == 0 ? null : mapper.readTree(body);
            if (root == null || !root.isObject()) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "Send The Things Stack's uplink message "
                        + "JSON object.");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body could not be read.");
        }
    }

    private static String text(JsonNode node, String field, List<Map<String, Object>> errors) {
        if (!node.isTextual() || node.asText().isEmpty()) {
            errors.add(error(field, "is required"));
            return null;
        }
        return node.asText();
    }

    private static Instant instant(JsonNode node, List<Map<String, Object>> errors) {
        if (!node.isTextual()) {
            errors.add(error("received_at", "is required"));
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            errors.add(error("received_at", "must be an RFC 3339 time such as 2026-01-31T12:00:00.123456789Z"));
            return null;
        }
    }

    private static Map<String, Object> error(String field, String reason) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("reason", reason);
        return error;
    }
}
