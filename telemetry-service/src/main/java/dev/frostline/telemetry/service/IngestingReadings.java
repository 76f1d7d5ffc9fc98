package dev.frostline.telemetry.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.contracts.Metric;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.contracts.events.TelemetryEvent;
import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.support.messaging.KafkaSender;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.telemetry.apikey.SiteScope;
import dev.frostline.telemetry.config.TelemetryConfig;
import dev.frostline.telemetry.messaging.ApiKeyUsageReporter;
import dev.frostline.telemetry.messaging.TransactionalPublisher;
import dev.frostline.telemetry.reading.DevEui;
import dev.frostline.telemetry.reading.ReadingError;
import dev.frostline.telemetry.reading.ReadingIds;
import dev.frostline.telemetry.reading.ReadingTarget;
import dev.frostline.telemetry.reading.ReadingValidation;
import dev.frostline.telemetry.reading.SubmittedBatch;
import dev.frostline.telemetry.reading.SubmittedReading;
import dev.frostline.telemetry.reading.WritableTargets;
import dev.frostline.telemetry.repository.DeviceKeyReads;
import dev.frostline.telemetry.repository.LiveTargetReads;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Accepts device readings. Kafka is the system of record for a reading: the device hears 202 only
 * after Kafka committed every reading of its request in one transaction (acks=all), and the
 * persister stores them from there. Everything that can reject a request (key, shape, ranges, unit ownership) is decided
 * before the first record is sent, so a refused request publishes nothing. A reading names its unit,
 * its sensor (by ID or DevEUI), or both; the sensor decides the unit.
 */
@ApplicationScoped
public class IngestingReadings {

    public static final ProblemType INVALID_API_KEY = new ProblemType("invalid-api-key", "Invalid API key", 401);
    /** What a device should wait before retrying when Kafka did not take its readings. */
    static final int RETRY_AFTER_SECONDS = 5;

    /**
     * The device behind a valid API key: it may send readings for the live units of {@code orgId}
     * in its scope, and for the live sensors on them.
     */
    public record Device(UUID keyId, UUID orgId, SiteScope scope) {
    }

    private final DeviceKeyReads keys;
    private final LiveTargetReads targets;
    private final TransactionalPublisher publisher;
    private final ObjectWriter eventWriter;
    private final ReadingValidation validation;
    private final Duration ackTimeout;
    private final ApiKeyUsageReporter usage;
    private final IngestMetrics metrics;

    public IngestingReadings(DeviceKeyReads keys, LiveTargetReads targets, TransactionalPublisher publisher,
            ObjectMapper mapper, TelemetryConfig config, ApiKeyUsageReporter usage, IngestMetrics metrics) {
        this.metrics = metrics;
        this.keys = keys;
        this.usage = usage;
        this.targets = targets;
        this.publisher = publisher;
        // Written as the family type, so the record carries the "type" tag consumers dispatch on.
        this.eventWriter = mapper.writerFor(TelemetryEvent.class);
        this.validation = new ReadingValidation(config.ingest().maxClockSkew(), config.retention());
        this.ackTimeout = config.ingest().ackTimeout();
    }

    /**
     * The device a presented key belongs to; a 401 problem for a missing, unknown or revoked key.
     * The projection is read on every request and never cached, so a revocation holds from the
     * first request after its record is projected (well within the 5 s promised to admins).
     */
    public Uni<Device> authenticate(String presentedKey) {
        String prefix = ApiKeyFormat.prefixOf(presentedKey).orElse(null);
        if (prefix == null) {
            return Uni.createFrom().failure(invalidKey());
        }
        return keys.findByPrefix(prefix).map(key -> {
            if (key == null || !key.admits(presentedKey)) {
                throw invalidKey();
            }
            return new Device(key.keyId(), key.orgId(), key.scope());
        });
    }

    /**
     * Validates every reading, publishes all of them or none, and answers their IDs once Kafka
     * acknowledged them. A 400 problem lists each invalid item; a 503 means "retry later".
     */
    public Uni<List<UUID>> record(Device device, SubmittedBatch batch, IngestEndpoint endpoint) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Each lookup gives its connection back to the pool when it is answered: none is held while
        // waiting for Kafka.
        return writableTargets(batch, device).chain(writable -> {
            ReadingValidation.Outcome outcome = validation.validate(batch.readings(), writable, now);
            List<ReadingError> errors = new ArrayList<>(batch.unreadable());
            errors.addAll(outcome.errors());
            if (!errors.isEmpty()) {
                metrics.refusedInvalid(endpoint, errors, batch.size());
                return Uni.createFrom().failure(invalidReadings(errors, batch.size()));
            }
            List<ReadingRecorded> events = new ArrayList<>(batch.size());
            for (int index = 0; index < batch.size(); index++) {
                events.add(toEvent(device, batch.readings().get(index), outcome.targets().get(index), now));
            }
            return publish(events)
                    .onFailure().invoke(() -> metrics.refusedUnavailable(endpoint, events.size()))
                    .invoke(() -> metrics.accepted(endpoint, events.size()))
                    .invoke(() -> usage.recordUse(device.keyId(), device.orgId(), now))
                    .replaceWith(() -> events.stream().map(ReadingRecorded::eventId).toList());
        });
    }

    /**
     * The named units and sensors the device may write to: live in its org and inside its key's
     * site scope (see {@link WritableTargets}). At most two queries, whatever the batch size.
     */
    private Uni<WritableTargets> writableTargets(SubmittedBatch batch, Device device) {
        Set<UUID> sensorIds = new LinkedHashSet<>();
        Set<String> devEuis = new LinkedHashSet<>();
        Set<UUID> unitIds = new LinkedHashSet<>();
        for (SubmittedReading reading : batch.readings()) {
            if (reading == null) {
                continue;
            }
            if (reading.sensorId() != null) {
                sensorIds.add(reading.sensorId());
            }
            DevEui.normalize(reading.devEui()).ifPresent(devEuis::add);
            if (reading.unitId() != null) {
                unitIds.add(reading.unitId());
            }
        }
        return targets.liveSensors(sensorIds, devEuis, device.orgId()).chain(liveSensors -> {
            liveSensors.stream().map(WritableTargets.KnownSensor::unitId).filter(Objects::nonNull).forEach(unitIds::add);
            return targets.liveUnits(unitIds, device.orgId())
                    .map(liveUnits -> new WritableTargets(liveUnits, liveSensors, device.scope()));
        });
    }

    private static ReadingRecorded toEvent(Device device, SubmittedReading reading, ReadingTarget target, Instant now) {
        Metric metric = Metric.fromWireName(reading.metric()).orElseThrow();
        // Stored timestamps have microsecond precision; the ID is derived from the stored value.
        Instant recordedAt = reading.recordedAt() == null ? now : reading.recordedAt().truncatedTo(ChronoUnit.MICROS);
        UUID eventId = ReadingIds.of(device.orgId(), target.identifiedBy(), metric, recordedAt, reading.messageId());
        return new ReadingRecorded(eventId, device.orgId(), target.siteId(), target.unitId(), metric.wireName(),
                reading.value(), recordedAt, now, target.sensorId(), reading.messageId());
    }

    private Uni<Void> publish(List<ReadingRecorded> events) {
        List<KafkaSender.JsonRecord> records = events.stream()
                .map(event -> new KafkaSender.JsonRecord(Topics.READINGS, event.unitId().toString(), json(event)))
                .toList();
        // One transaction: read_committed consumers see all of the request or none of it. A commit
        // still settling when the request times out may yet complete, whole; the device's retry
        // carries the same IDs, so its readings are stored once either way.
        return publisher.publishAtomically(records, ackTimeout)
                .ifNoItem().after(ackTimeout).fail()
                .onFailure().transform(e -> {
                    Log.warnf("readings not acknowledged by Kafka, answering 503: %s", e.toString());
                    return new RetryLaterException("The readings could not be stored right now. Retry in "
                            + RETRY_AFTER_SECONDS + " seconds with the same messageId and recordedAt.",
                            RETRY_AFTER_SECONDS);
                });
    }

    private String json(ReadingRecorded event) {
        try {
            return eventWriter.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ReadingRecorded not serializable", e);
        }
    }

    private static ProblemException invalidKey() {
        return new ProblemException(INVALID_API_KEY, "Send a valid, unrevoked device API key in the "
                + ApiKeyFormat.HEADER + " header.");
    }

    private static ProblemException invalidReadings(List<ReadingError> errors, int submitted) {
        List<Map<String, Object>> items = errors.stream()
                .sorted(Comparator.comparingInt(ReadingError::index))
                .map(IngestingReadings::asProblemItem)
                .toList();
        long invalid = errors.stream().mapToInt(ReadingError::index).distinct().count();
        return new ProblemException(ProblemType.VALIDATION_FAILED, invalid + " of " + submitted
                + " readings are invalid, so none was accepted; fix them and send the request again.", items);
    }

    private static Map<String, Object> asProblemItem(ReadingError error) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("index", error.index());
        if (error.field() != null) {
            item.put("field", error.field());
        }
        item.put("reason", error.reason());
        return item;
    }
}
