package dev.frostline.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Latency from a reading to its alert event on Kafka, while the device fleet posts background
 * readings (in range) through the gateway at a target rate. Two kinds of units of their own, which
 * the fleet never posts for (a fleet reading recorded later would make a trigger late and ignored):
 * <ul>
 *   <li><b>immediate</b> units (a rule with no excursion duration): one reading every 1 / trigger-rate
 *       s, round robin, alternately out of range (opens an alert) and back in range (resolves it). Each
 *       {@code alert.opened} is matched by its {@code triggeringReadingId} to the ID in the 202 of the
 *       reading that caused it: latency from that 202, as this client saw it, to the event's arrival
 *       at this client's consumer of the alerts topic.</li>
 *   <li><b>timer</b> units (a rule with excursion duration D): one reading back in range before the
 *       window, then one out of range at an evenly spread moment of the window, then silence; the
 *       alert opens when the timer fires. Latency from the deadline (the reading's recordedAt + D) to
 *       the event's arrival, both on this machine's wall clock.</li>
 * </ul>
 */
final class AlertLatencyRun implements AutoCloseable {

    record Settings(String ingestUrl, String apiKey, List<ReadingRecords.Unit> immediateUnits,
            List<ReadingRecords.Unit> timerUnits, long timerDurationSeconds, double rate, double triggerRate,
            double warmupSeconds, double durationSeconds, int rounds, String bootstrap, String alertsTopic) {
    }

    private static final double IN_RANGE_C = 3.0;
    private static final long STRAGGLER_SECONDS = 10;

    private final Settings settings;
    private final DeviceFleet fleet;
    private final PrintStream out;
    private final PrintStream progress;
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClient http;
    private final MultiMap headers;
    private final AtomicBoolean consuming = new AtomicBoolean(true);
    private final Thread consumer;
    private final Map<UUID, UUID> immediateUnits = new ConcurrentHashMap<>();
    /** Reading ID → nanoTime of its 202; and of alerts that arrived before this client read that 202. */
    private final Map<UUID, Long> answered = new ConcurrentHashMap<>();
    private final Map<UUID, Long> arrivedEarly = new ConcurrentHashMap<>();
    /** Timer unit → the deadline of its out-of-range reading of this round (removed once matched). */
    private final Map<UUID, Instant> deadlines = new ConcurrentHashMap<>();
    private final AtomicLong sendErrors = new AtomicLong();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile Histogram immediate = histogram();
    private volatile Histogram timer = histogram();
    private final List<IngestRound> ingestRounds = new ArrayList<>();
    private long sequence;

    AlertLatencyRun(Settings settings, DeviceFleet fleet, PrintStream out, PrintStream progress) throws InterruptedException {
        this.settings = settings;
        this.fleet = fleet;
        this.out = out;
        this.progress = progress;
        settings.immediateUnits().forEach(u -> immediateUnits.put(u.unitId(), u.unitId()));
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(8));
        this.headers = MultiMap.caseInsensitiveMultiMap().set("X-API-Key", settings.apiKey())
                .set(HttpHeaders.CONTENT_TYPE, "application/json");
        this.consumer = new Thread(this::consumeAlerts, "alerts-consumer");
        consumer.setDaemon(true);
        consumer.start();
        if (!assigned.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the alerts topic " + settings.alertsTopic() + " was not assigned within 30 s");
        }
    }

    void run() throws Exception {
        if (settings.warmupSeconds() > 0) {
            progress.printf("loadgen: warm-up at %.0f readings/s for %.0f s%n", settings.rate(), settings.warmupSeconds());
            for (PhaseResult result : round(settings.warmupSeconds(), 0)) {
                progress.println(result.line("warmup"));
            }
        }
        Map<String, List<PhaseResult>> rounds = new LinkedHashMap<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            progress.printf("loadgen: round %d at %.0f readings/s%n", round, settings.rate());
            for (PhaseResult result : round(settings.durationSeconds(), round)) {
                out.println(result.line("round"));
                rounds.computeIfAbsent(result.target(), k -> new ArrayList<>()).add(result);
            }
        }
        rounds.forEach((name, results) -> out.println(RoundMedians.of(name, results).line("median")));
        out.println(IngestRound.medianOf(IngestRun.name(settings.rate()), ingestRounds).line("median"));
    }

    private List<PhaseResult> round(double seconds, int round) throws Exception {
        immediate = histogram();
        timer = histogram();
        answered.clear();
        arrivedEarly.clear();
        deadlines.clear();
        sendErrors.set(0);
        // Timer units back to ok first, so each one's out-of-range reading starts a fresh excursion.
        for (ReadingRecords.Unit unit : settings.timerUnits()) {
            post(unit, IN_RANGE_C, ReadingRecords.now(), false);
        }
        Thread.sleep(2_000);
        long windowStart = System.nanoTime();
        long windowNanos = Math.round(seconds * 1e9);
        List<Long> timerIds = new ArrayList<>();
        int timerUnits = settings.timerUnits().size();
        for (int i = 0; i < timerUnits; i++) {
            ReadingRecords.Unit unit = settings.timerUnits().get(i);
            long delayMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(windowNanos * i / timerUnits));
            timerIds.add(vertx.setTimer(delayMs, id -> {
                Instant recordedAt = ReadingRecords.now();
                deadlines.put(unit.unitId(), recordedAt.plusSeconds(settings.timerDurationSeconds()));
                post(unit, AlertEvaluationRun.OUT_OF_RANGE_C, recordedAt, false);
            }));
        }
        AtomicLong triggers = new AtomicLong();
        long periodMs = Math.max(1, Math.round(1000 / settings.triggerRate()));
        long periodic = vertx.setPeriodic(periodMs, id -> {
            long n = sequence++;
            List<ReadingRecords.Unit> units = settings.immediateUnits();
            ReadingRecords.Unit unit = units.get((int) (n % units.size()));
            boolean out = (n / units.size()) % 2 == 0;
            if (out) {
                triggers.incrementAndGet();
            }
            post(unit, out ? AlertEvaluationRun.OUT_OF_RANGE_C : IN_RANGE_C, ReadingRecords.now(), out);
        });
        IngestRound ingest = fleet.measure(IngestRun.name(settings.rate()), settings.rate(), seconds, round);
        vertx.cancelTimer(periodic);
        // The fleet waits for its readings to be stored; the last timer readings may still be due.
        long timersDone = windowStart + windowNanos + TimeUnit.SECONDS.toNanos(settings.timerDurationSeconds() + STRAGGLER_SECONDS);
        while (System.nanoTime() < timersDone && (!deadlines.isEmpty() || answered.size() > 0)) {
            Thread.sleep(200);
        }
        timerIds.forEach(vertx::cancelTimer);
        Histogram immediateDone = immediate;
        Histogram timerDone = timer;
        Map<String, Long> immediateErrors = new LinkedHashMap<>();
        if (!answered.isEmpty()) {
            immediateErrors.put("no-alert", (long) answered.size());
        }
        if (sendErrors.get() > 0) {
            immediateErrors.put("send", sendErrors.get());
        }
        Map<String, Long> timerErrors = deadlines.isEmpty() ? Map.of() : Map.of("no-alert", (long) deadlines.size());
        if (round == 0) {
            progress.println(ingest.line("warmup"));
        } else {
            out.println(ingest.line("round"));
            ingestRounds.add(ingest);
        }
        return List.of(latency("immediate", round, immediateDone, seconds, immediateErrors),
                latency("timer", round, timerDone, seconds, timerErrors));
    }

    private void post(ReadingRecords.Unit unit, double value, Instant recordedAt, boolean trigger) {
        String body = new JsonObject().put("readings", new JsonArray().add(new JsonObject()
                .put("unitId", unit.unitId().toString()).put("metric", ReadingRecords.METRIC).put("value", value)
                .put("recordedAt", recordedAt.toString()).put("messageId", "alert-bench-" + ReadingRecords.randomId())))
                .encode();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(settings.ingestUrl())
                .setHeaders(headers).setTimeout(30_000);
        Reply.send(http, options, Buffer.buffer(body)).onComplete(outcome -> {
            long at = System.nanoTime();
            if (outcome.failed() || outcome.result().status() != 202) {
                sendErrors.incrementAndGet();
                return;
            }
            if (!trigger) {
                return;
            }
            UUID id = UUID.fromString(new JsonObject(outcome.result().body()).getJsonArray("ids").getString(0));
            Long early = arrivedEarly.remove(id);
            if (early != null) {
                record(immediate, Math.max(0, early - at));
            } else {
                answered.put(id, at);
            }
        });
    }

    private void consumeAlerts() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.CLIENT_ID_CONFIG, "frostline-bench-alert-latency");
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : kafka.partitionsFor(settings.alertsTopic(), Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            partitions.forEach(kafka::position);
            assigned.countDown();
            while (consuming.get()) {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(100))) {
                    long arrivedNanos = System.nanoTime();
                    Instant arrivedAt = Instant.now();
                    JsonObject event = new JsonObject(record.value());
                    if (!"alert.opened".equals(event.getString("type"))) {
                        continue;
                    }
                    UUID unit = UUID.fromString(event.getString("unitId"));
                    String reading = event.getString("triggeringReadingId");
                    if (reading != null && immediateUnits.containsKey(unit)) {
                        UUID id = UUID.fromString(reading);
                        Long at = answered.remove(id);
                        if (at != null) {
                            record(immediate, arrivedNanos - at);
                        } else {
                            arrivedEarly.put(id, arrivedNanos);
                        }
                    } else if (reading == null) {
                        Instant deadline = deadlines.remove(unit);
                        if (deadline != null) {
                            long micros = Duration.between(deadline, arrivedAt).toNanos() / 1000;
                            synchronized (timer) {
                                timer.recordValue(Math.max(0, micros));
                            }
                        }
                    }
                }
            }
        }
    }

    private static void record(Histogram histogram, long nanos) {
        synchronized (histogram) {
            histogram.recordValue(Math.max(0, nanos / 1000));
        }
    }

    private static PhaseResult latency(String target, int round, Histogram histogram, double seconds, Map<String, Long> errors) {
        synchronized (histogram) {
            return new PhaseResult(target, round, histogram.getTotalCount(), histogram.getTotalCount() / seconds,
                    histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                    histogram.getValueAtPercentile(99), histogram.getMaxValue(), 0, errors);
        }
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    @Override
    public void close() throws InterruptedException {
        consuming.set(false);
        consumer.join(5_000);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
