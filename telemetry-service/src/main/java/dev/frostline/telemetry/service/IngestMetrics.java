package dev.frostline.telemetry.service;

import dev.frostline.support.problem.ProblemException;
import dev.frostline.telemetry.reading.ReadingError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Ingest's Prometheus meters. Every tag has a small fixed set of values (an endpoint, a problem
 * type, a reading field), never an org, unit, sensor or key, so cardinality stays bounded:
 * <ul>
 * <li>{@code frostline_telemetry_ingest_seconds{endpoint, outcome}}: latency histogram of ingest
 * requests; {@code outcome} is "accepted" or the problem type's slug;
 * <li>{@code frostline_telemetry_readings_accepted_total{endpoint}};
 * <li>{@code frostline_telemetry_readings_refused_total{endpoint, reason}}: {@code reason} is the
 * field an invalid reading failed on first ("item" when the item as a whole was unusable,
 * "unknown-field" for a field that does not exist), "batch" for a valid reading refused with its
 * invalid neighbours, or "unavailable" for readings Kafka did not take.
 * </ul>
 */
@ApplicationScoped
public class IngestMetrics {

    private static final Set<String> READING_FIELDS = Set.of("unitId", "sensorId", "devEui", "metric", "value",
            "recordedAt", "messageId");
    private static final String DECODED_FIELD_PREFIX = "uplink_message.decoded_payload.";

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Times one ingest request, tagged with how it ended. */
    public <T> Uni<T> timed(IngestEndpoint endpoint, Supplier<Uni<T>> request) {
        Timer.Sample sample = Timer.start(registry);
        return Uni.createFrom().<T>deferred(request::get)
                .onItem().invoke(() -> sample.stop(timer(endpoint, "accepted")))
                .onFailure().invoke(e -> sample.stop(timer(endpoint,
                        e instanceof ProblemException problem ? problem.type().slug() : "internal-error")));
    }

    public void accepted(IngestEndpoint endpoint, int readings) {
        Counter.builder("frostline.telemetry.readings.accepted").tag("endpoint", endpoint.tag())
                .description("Readings accepted (published to Kafka)").register(registry).increment(readings);
    }

    /** Every reading of a refused request: the invalid ones by their first error, the others as "batch". */
    public void refusedInvalid(IngestEndpoint endpoint, List<ReadingError> errors, int submitted) {
        Set<Integer> invalid = new HashSet<>();
        for (ReadingError error : errors) {
            if (invalid.add(error.index())) {
                refused(endpoint, reason(error), 1);
            }
        }
        refused(endpoint, "batch", submitted - invalid.size());
    }

    public void refusedUnavailable(IngestEndpoint endpoint, int readings) {
        refused(endpoint, "unavailable", readings);
    }

    private void refused(IngestEndpoint endpoint, String reason, int readings) {
        if (readings > 0) {
            Counter.builder("frostline.telemetry.readings.refused").tag("endpoint", endpoint.tag())
                    .tag("reason", reason).description("Readings refused, by reason").register(registry)
                    .increment(readings);
        }
    }

    private static String reason(ReadingError error) {
        if (error.field() == null) {
            return "item";
        }
        if (error.field().startsWith(DECODED_FIELD_PREFIX)) {
            return "value";
        }
        return READING_FIELDS.contains(error.field()) ? error.field() : "unknown-field";
    }

    private Timer timer(IngestEndpoint endpoint, String outcome) {
        return Timer.builder("frostline.telemetry.ingest").description("Ingest request latency")
                .tag("endpoint", endpoint.tag()).tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }
}
