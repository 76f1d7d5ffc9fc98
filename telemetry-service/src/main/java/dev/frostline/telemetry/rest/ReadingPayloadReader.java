package dev.frostline.telemetry.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.telemetry.config.TelemetryConfig;
import dev.frostline.telemetry.reading.ReadingError;
import dev.frostline.telemetry.reading.SubmittedBatch;
import dev.frostline.telemetry.reading.SubmittedReading;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads an ingest body: one reading object, or {@code {"readings": [...]}}. Each item is bound on
 * its own, so an item with a wrong type or an unknown field becomes an error of that item instead
 * of failing the whole body with a message that does not say which item was wrong.
 */
@ApplicationScoped
public class ReadingPayloadReader {

    public static final int MAX_BATCH_SIZE = 500;
    private static final String BATCH_FIELD = "readings";

    private final ObjectReader treeReader;
    private final ObjectReader itemReader;
    private final long maxBodyBytes;

    public ReadingPayloadReader(ObjectMapper mapper, TelemetryConfig config) {
        this.treeReader = mapper.readerFor(JsonNode.class).with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.itemReader = mapper.readerFor(ReadingRequest.class);
        this.maxBodyBytes = config.ingest().maxBodySize().asLongValue();
    }

    public SubmittedBatch read(byte[] body) {
        if (body.length > maxBodyBytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The body is larger than "
                    + maxBodyBytes / 1024 + " KB; send the readings in smaller batches.");
        }
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "Send one reading object, or {\"readings\": [...]} with 1 to " + MAX_BATCH_SIZE + " readings.");
        }
        if (!root.has(BATCH_FIELD)) {
            return readItems(List.of(root));
        }
        JsonNode items = root.get(BATCH_FIELD);
        if (root.size() != 1 || !items.isArray() || items.isEmpty() || items.size() > MAX_BATCH_SIZE) {
            throw ProblemException.validation("A batch is {\"readings\": [...]} with 1 to " + MAX_BATCH_SIZE
                    + " readings and no other field.");
        }
        List<JsonNode> list = new ArrayList<>(items.size());
        items.forEach(list::add);
        return readItems(list);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode root = body.length == 0 ? null : treeReader.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body is empty.");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body could not be read.");
        }
    }

    private SubmittedBatch readItems(List<JsonNode> items) {
        List<SubmittedReading> readings = new ArrayList<>(items.size());
        List<ReadingError> unreadable = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            ReadingError error = typeError(index, items.get(index));
            SubmittedReading reading = null;
            if (error == null) {
                try {
                    ReadingRequest request = itemReader.readValue(items.get(index));
                    reading = new SubmittedReading(request.unitId(), request.sensorId(), request.devEui(),
                            request.metric(), request.value(),
                            request.recordedAt(), request.messageId());
                } catch (IOException e) {
                    error = bindingError(index, e);
                }
            }
            readings.add(reading);
            if (error != null) {
                unreadable.add(error);
            }
        }
        return new SubmittedBatch(Collections.unmodifiableList(readings), List.copyOf(unreadable));
    }

    /**
     * Jackson would turn "21.5" into a number and an epoch number into an Instant; a device that
     * sends those has a bug worth hearing about, so values must be JSON numbers and times ISO strings.
     */
    private static ReadingError typeError(int index, JsonNode item) {
        if (!item.isObject()) {
            return new ReadingError(index, null, "must be a JSON object");
        }
        JsonNode value = item.get("value");
        if (value != null && !value.isNull() && !value.isNumber()) {
            return new ReadingError(index, "value", "must be a JSON number");
        }
        JsonNode recordedAt = item.get("recordedAt");
        if (recordedAt != null && !recordedAt.isNull() && !recordedAt.isTextual()) {
            return new ReadingError(index, "recordedAt", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
        return null;
    }

    private static ReadingError bindingError(int index, IOException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new ReadingError(index, unknown.getPropertyName(), "is not a known field");
        }
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().get(0).getFieldName()
                : null;
        if ("recordedAt".equals(field)) {
            return new ReadingError(index, field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
        if (e instanceof InvalidFormatException) {
            return new ReadingError(index, field, "has an invalid value");
        }
        return new ReadingError(index, field, "has the wrong JSON type");
    }
}
