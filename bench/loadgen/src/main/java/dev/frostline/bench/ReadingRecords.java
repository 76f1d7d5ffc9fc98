package dev.frostline.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The readings of the ingest benchmark, in the three forms its targets take: an item of a device's
 * request body, the {@code ReadingRecorded} JSON that telemetry publishes for it (the value bytes of
 * the raw Kafka baseline) and a row of the readings table (the raw COPY baseline). All three
 * describe the same kind of reading: one metric, a value in a fridge's range, one of the seeded
 * units of one org, round robin, measured "now".
 */
final class ReadingRecords {

    static final String METRIC = "temperature_c";

    /** A seeded unit and the site it belongs to, as telemetry's unit projection knows it. */
    record Unit(UUID unitId, UUID siteId) {
    }

    private final UUID orgId;
    private final List<Unit> units;

    ReadingRecords(UUID orgId, List<Unit> units) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("the ingest benchmark needs at least one unit");
        }
        this.orgId = orgId;
        this.units = List.copyOf(units);
    }

    /** Lines of {@code unitId siteId}, as bench/ingest.sh writes them after seeding. */
    static List<Unit> parseUnits(List<String> lines) {
        List<Unit> units = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("--units-file lines are 'unitId siteId', got: " + line);
            }
            units.add(new Unit(UUID.fromString(parts[0]), UUID.fromString(parts[1])));
        }
        return units;
    }

    List<Unit> units() {
        return units;
    }

    /** The unit of the {@code n}th reading: round robin, so every unit (and Kafka partition) gets its share. */
    Unit unit(long n) {
        return units.get((int) Math.floorMod(n, (long) units.size()));
    }

    /**
     * A fridge temperature with two decimals, written the same way by all three forms. Inside the
     * default fridge rule's band (0..5 °C, DefaultRules), so a steady load is the steady state of a cold
     * room, not an alert storm: with 2..8 about one reading in six crossed 5 °C or came back below 4.5,
     * each an excursion opened or ended (a state change, a timer and an alert event) in alert-service.
     */
    static double value() {
        return Math.round(ThreadLocalRandom.current().nextDouble(2, 5) * 100) / 100.0;
    }

    /** Stored timestamps have microsecond precision; so does everything the benchmark sends. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A random version-4 UUID without SecureRandom, which would dominate the baselines' loops. */
    static UUID randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** The body of one device request: {@code {"readings":[...]}} of {@code count} readings from reading {@code first} on. */
    String requestBody(long first, int count, Instant recordedAt, String messageIdPrefix) {
        StringBuilder body = new StringBuilder(count * 150 + 16).append("{\"readings\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"unitId\":\"").append(unit(first + i).unitId())
                    .append("\",\"metric\":\"").append(METRIC)
                    .append("\",\"value\":").append(value())
                    .append(",\"recordedAt\":\"").append(recordedAt)
                    .append("\",\"messageId\":\"").append(messageIdPrefix).append(first + i)
                    .append("\"}");
        }
        return body.append("]}").toString();
    }

    /**
     * The record value telemetry-service publishes for an accepted reading: a {@code TelemetryEvent}
     * of type {@code reading.recorded}, fields in {@code ReadingRecorded}'s order, nulls written (the
     * services' ObjectMapper does not omit them), instants as ISO strings.
     */
    String recordedEvent(Unit unit, UUID eventId, double value, Instant recordedAt, Instant receivedAt) {
        return recordedEvent(unit, eventId, METRIC, value, recordedAt, receivedAt);
    }

    /** {@link #recordedEvent(Unit, UUID, double, Instant, Instant)} of another metric (the alert bench's battery readings). */
    String recordedEvent(Unit unit, UUID eventId, String metric, double value, Instant recordedAt, Instant receivedAt) {
        return new StringBuilder(340)
                .append("{\"type\":\"reading.recorded\",\"eventId\":\"").append(eventId)
                .append("\",\"orgId\":\"").append(orgId)
                .append("\",\"siteId\":\"").append(unit.siteId())
                .append("\",\"unitId\":\"").append(unit.unitId())
                .append("\",\"metric\":\"").append(metric)
                .append("\",\"value\":").append(value)
                .append(",\"recordedAt\":\"").append(recordedAt)
                .append("\",\"occurredAt\":\"").append(receivedAt)
                .append("\",\"sensorId\":null,\"messageId\":null}")
                .toString();
    }

    /** The readings table's columns, in the order {@link #appendCopyRow} writes them. */
    static final String COLUMNS = "id, org_id, site_id, unit_id, metric, value, recorded_at, received_at";

    /** One row of COPY's text format (tab-separated, newline-terminated) in {@link #COLUMNS} order. */
    void appendCopyRow(StringBuilder rows, Unit unit, UUID id, double value, Instant recordedAt, Instant receivedAt) {
        rows.append(id).append('\t').append(orgId).append('\t').append(unit.siteId()).append('\t')
                .append(unit.unitId()).append('\t').append(METRIC).append('\t').append(value).append('\t')
                .append(recordedAt).append('\t').append(receivedAt).append('\n');
    }
}
