package dev.frostline.bench;

import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Evaluation throughput of one alert-service instance: each round produces a backlog of
 * {@code reading.recorded} records (telemetry's JSON, keyed by unit) to the topic the instance reads,
 * flat out, and times how fast the instance works through it, from the first record produced until
 * its processed positions (the rows of {@code consumer_positions} it commits with each batch's
 * transaction, which are exact, unlike Kafka's throttled offset commits) cover the whole backlog.
 * The baseline, measured in the same round on the same records: one raw {@link KafkaConsumer}
 * (read_committed, the instance's poll size) reading the same offsets flat out and parsing each
 * value's JSON, the ceiling of any consumer of this topic on this machine.
 */
final class AlertEvaluationRun {

    static final double OUT_OF_RANGE_C = 12.0;
    static final double IN_RANGE_LOW_C = 2.0;
    static final double IN_RANGE_HIGH_C = 6.0;
    static final String BATTERY = "battery_pct";

    /**
     * @param excursionOneIn a temperature reading is out of range with probability 1 / this (its unit's
     *        next reading is most likely back in range, so each one drives transitions both ways)
     * @param batteryOneIn every this-many-th record is a battery reading (low with the same probability)
     */
    record Settings(String bootstrap, String topic, ReadingsTable.Database database, String positionsTable,
            long backlog, long warmupBacklog, int rounds, int excursionOneIn, int batteryOneIn, double timeoutSeconds) {
    }

    private final Settings settings;
    private final ReadingRecords records;
    private final PrintStream out;
    private final PrintStream progress;
    private final KafkaProducer<String, String> producer;
    private final List<TopicPartition> partitions;
    private long produced;

    AlertEvaluationRun(Settings settings, ReadingRecords records, PrintStream out, PrintStream progress) {
        this.settings = settings;
        this.records = records;
        this.out = out;
        this.progress = progress;
        this.producer = KafkaBaseline.producer(settings.bootstrap(), "frostline-bench-alert-backlog");
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> found = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(settings.topic(), Duration.ofSeconds(30))) {
                found.add(new TopicPartition(info.topic(), info.partition()));
            }
            this.partitions = List.copyOf(found);
        }
    }

    void run() throws Exception {
        if (settings.warmupBacklog() > 0) {
            progress.printf("loadgen: warm-up: a backlog of %d records, then the raw consumer on it%n", settings.warmupBacklog());
            for (PhaseResult result : round(settings.warmupBacklog(), 0)) {
                progress.println(result.line("warmup"));
            }
        }
        Map<String, List<PhaseResult>> rounds = new LinkedHashMap<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            progress.printf("loadgen: round %d: a backlog of %d records%n", round, settings.backlog());
            for (PhaseResult result : round(settings.backlog(), round)) {
                out.println(result.line("round"));
                rounds.computeIfAbsent(result.target(), k -> new ArrayList<>()).add(result);
            }
        }
        rounds.forEach((name, results) -> out.println(RoundMedians.of(name, results).line("median")));
        producer.close(Duration.ofSeconds(10));
    }

    /** One backlog: the producer's rate, the instance's evaluation rate, the raw consumer's rate on the same records. */
    private List<PhaseResult> round(long count, int round) throws Exception {
        Map<TopicPartition, Long> from;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            from = consumer.endOffsets(partitions);
        }
        long started = System.nanoTime();
        long end = produce(count);
        long producedAt = System.nanoTime();
        PhaseResult producing = result("producer", round, count, producedAt - started, Map.of());

        long target = from.values().stream().mapToLong(Long::longValue).sum() + count;
        long deadline = started + Math.round(settings.timeoutSeconds() * 1e9);
        long evaluated = 0;
        long lastReport = System.nanoTime();
        try (Connection connection = settings.database().connect();
                PreparedStatement positions = connection.prepareStatement("select coalesce(sum(next_offset), 0) from "
                        + settings.positionsTable() + " where topic = ?")) {
            positions.setString(1, settings.topic());
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = positions.executeQuery()) {
                    rows.next();
                    evaluated = rows.getLong(1);
                }
                if (evaluated >= target) {
                    break;
                }
                if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                    lastReport = System.nanoTime();
                    progress.printf("loadgen: %d of %d records evaluated%n", count - (target - evaluated), count);
                }
                Thread.sleep(50);
            }
        }
        long done = System.nanoTime();
        Map<String, Long> errors = evaluated >= target ? Map.of() : Map.of("not-evaluated", target - evaluated);
        PhaseResult evaluating = result("alert-service", round, count - Math.max(0, target - evaluated), done - started, errors);
        if (!errors.isEmpty()) {
            progress.printf("loadgen: %d records still not evaluated after %.0f s%n", target - evaluated, settings.timeoutSeconds());
        }
        PhaseResult raw = readRaw(from, round, count);
        if (end != target) {
            progress.printf("loadgen: the topic ends at %d, expected %d (another producer?)%n", end, target);
        }
        return List.of(producing, evaluating, raw);
    }

    /** Produces {@code count} records flat out; returns the sum of the topic's end offsets after them. */
    private long produce(long count) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int units = records.units().size();
        for (long i = 0; i < count; i++) {
            ReadingRecords.Unit unit = records.unit(produced++);
            // The last reading of every unit in a backlog is in range, so no excursion is left pending.
            boolean excursion = i < count - units && random.nextInt(settings.excursionOneIn()) == 0;
            Instant now = ReadingRecords.now();
            String value;
            if (produced % settings.batteryOneIn() == 0) {
                value = records.recordedEvent(unit, ReadingRecords.randomId(), BATTERY, excursion ? 10.0 : 80.0, now, now);
            } else {
                double celsius = excursion ? OUT_OF_RANGE_C
                        : Math.round(random.nextDouble(IN_RANGE_LOW_C, IN_RANGE_HIGH_C) * 100) / 100.0;
                value = records.recordedEvent(unit, ReadingRecords.randomId(), celsius, now, now);
            }
            producer.send(new ProducerRecord<>(settings.topic(), unit.unitId().toString(), value));
        }
        producer.flush();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The baseline: the same offsets read by one raw consumer, each value's JSON parsed into the fields the engine uses. */
    private PhaseResult readRaw(Map<TopicPartition, Long> from, int round, long count) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<TopicPartition, Long> until = new HashMap<>(consumer.endOffsets(partitions));
            consumer.assign(partitions);
            from.forEach(consumer::seek);
            long read = 0;
            long checksum = 0;
            long started = System.nanoTime();
            long deadline = started + Math.round(settings.timeoutSeconds() * 1e9);
            while (!until.isEmpty() && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, String> record : polled) {
                    Long last = until.get(new TopicPartition(record.topic(), record.partition()));
                    if (last == null || record.offset() >= last) {
                        continue;
                    }
                    JsonObject reading = new JsonObject(record.value());
                    checksum += UUID.fromString(reading.getString("unitId")).hashCode()
                            + Instant.parse(reading.getString("recordedAt")).getNano()
                            + Double.hashCode(reading.getDouble("value"))
                            + reading.getString("type").length() + reading.getString("metric").length();
                    read++;
                }
                for (TopicPartition partition : List.copyOf(until.keySet())) {
                    if (consumer.position(partition) >= until.get(partition)) {
                        until.remove(partition);
                    }
                }
            }
            long elapsed = System.nanoTime() - started;
            if (checksum == 42) {
                progress.println("loadgen: (checksum 42)"); // keeps the parsing from being optimized away
            }
            return result("kafka-consumer", round, read, elapsed, read < count ? Map.of("not-read", count - read) : Map.of());
        }
    }

    private KafkaConsumer<String, String> consumer() {
        // The settings of alert-service's readings channel that decide how a poll reads.
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4_194_304,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "frostline-bench-raw-consumer");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static PhaseResult result(String target, int round, long count, long nanos, Map<String, Long> errors) {
        return new PhaseResult(target, round, count, count / (nanos / 1e9), 0, 0, 0, 0, 0, errors);
    }
}
