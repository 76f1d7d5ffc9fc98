package dev.frostline.bench;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.PoolOptions;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * D devices posting batches of B readings through the gateway at a target rate (readings/s, open
 * loop: each device is due every D x B / rate seconds, the devices evenly staggered), then waiting
 * for the platform to store what it accepted. One {@link #measure} is one phase of the benchmark.
 */
final class DeviceFleet implements AutoCloseable {

    private static final long DRAIN_TIMEOUT_SECONDS = 60;
    private static final long DRAIN_POLL_MILLIS = 500;

    /** @param drainTimeoutSeconds how long after a window to wait for its readings to be stored */
    record Settings(String url, String apiKey, int devices, int batch, int sampleEvery, double drainTimeoutSeconds,
            long requestTimeoutMillis, int eventLoops) {
    }

    private final Settings settings;
    private final ReadingRecords records;
    private final ReadingsTable table;
    private final PersistenceTimer timer;
    private final PrintStream progress;
    private final Vertx vertx;
    private final List<PacedDevice> devices = new ArrayList<>();
    private final List<UUID> unitIds;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private int phases;

    DeviceFleet(Settings settings, ReadingRecords records, ReadingsTable.Database database, PrintStream progress)
            throws SQLException {
        if (settings.batch() < 1 || settings.batch() > 500) {
            throw new IllegalArgumentException("--batch must be 1 to 500 (telemetry's largest batch)");
        }
        if (settings.devices() < 1 || settings.sampleEvery() < 1) {
            throw new IllegalArgumentException("--devices and --sample-every must be at least 1");
        }
        this.settings = settings;
        this.records = records;
        this.table = new ReadingsTable(database);
        this.timer = new PersistenceTimer(database, 2);
        this.progress = progress;
        this.unitIds = records.units().stream().map(ReadingRecords.Unit::unitId).toList();
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.eventLoops()));
        HttpClient http = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                // One connection per device: a device has one request in flight.
                new PoolOptions().setHttp1MaxSize(settings.devices()));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set("X-API-Key", settings.apiKey())
                .set(HttpHeaders.CONTENT_TYPE, "application/json");
        PacedDevice.Plan plan = new PacedDevice.Plan(settings.url(), headers, records, settings.batch(),
                settings.requestTimeoutMillis());
        List<Context> contexts = EventLoopContexts.spread(vertx, settings.eventLoops());
        for (int i = 0; i < settings.devices(); i++) {
            devices.add(new PacedDevice(contexts.get(i % contexts.size()), http, plan, i));
        }
    }

    /** One window at {@code rate} readings/s for {@code seconds}, then the wait for its readings to be stored. */
    IngestRound measure(String name, double rate, double seconds, int round) throws InterruptedException, SQLException {
        long intervalNanos = Math.round(devices.size() * (double) settings.batch() * 1e9 / rate);
        // Every reading of this window is recorded at or after this instant, and none of an earlier one.
        Instant since = ReadingRecords.now();
        PersistenceTimer.Samples samples = timer.newPhase();
        IngestPhase phase = new IngestPhase(new Target(name, settings.url()), devices.size(), seconds, samples,
                settings.sampleEvery(), "bench-" + runId + "-" + ++phases + "-");
        for (int i = 0; i < devices.size(); i++) {
            devices.get(i).runIn(phase, intervalNanos, intervalNanos * i / devices.size());
        }
        // The main thread, not an event loop: sleeping here blocks nothing.
        TimeUnit.NANOSECONDS.sleep(Math.max(0, phase.endNanos() - System.nanoTime()));
        phase.http().stop();
        long stopped = System.nanoTime();
        if (!phase.http().awaitDrained(DRAIN_TIMEOUT_SECONDS)) {
            throw new IllegalStateException("ingest requests still in flight " + DRAIN_TIMEOUT_SECONDS
                    + " s after the window");
        }
        List<PhaseResult> http = phase.http().results(round);
        PhaseResult fromDue = http.get(0);
        PhaseResult fromSend = http.get(1);

        // Open loop: the devices offer the target rate over the whole window, so a platform that keeps
        // up shows exactly it; one that falls behind finishes later, and its rate is over that longer time.
        double acceptedRate = fromDue.count() / Math.max(seconds, phase.http().elapsedSeconds());

        long counted = System.nanoTime();
        long persisted = table.storedSince(unitIds, since);
        double persistedRate = persisted / ((counted - phase.startNanos()) / 1e9);
        long deadline = System.nanoTime() + Math.round(settings.drainTimeoutSeconds() * 1e9);
        long stored = persisted;
        while (stored < fromDue.count() && System.nanoTime() < deadline) {
            Thread.sleep(DRAIN_POLL_MILLIS);
            stored = table.storedSince(unitIds, since);
        }
        long drainMillis = stored >= fromDue.count() ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped) : -1;
        if (!samples.awaitAll(deadline)) {
            progress.printf("loadgen: %d sampled request(s) of %s not stored within %.0f s; left out%n",
                    samples.abandon(), name, settings.drainTimeoutSeconds());
        }
        Histogram persistence = samples.histogram();
        if (phase.firstRefusal() != null) {
            progress.println("loadgen: first refused request of " + name + ": " + phase.firstRefusal());
        }
        return new IngestRound(name, round, rate, fromDue.count() / settings.batch(), fromDue.count(),
                acceptedRate, fromDue.p50Micros(), fromDue.p90Micros(), fromDue.p99Micros(),
                fromDue.maxMicros(), fromSend.p50Micros(), fromSend.p99Micros(), phase.late().sum(), persistedRate,
                persistence.getTotalCount(), persistence.getValueAtPercentile(50),
                persistence.getValueAtPercentile(99), persistence.getMaxValue(), samples.errors(), drainMillis,
                Math.max(0, fromDue.count() - stored), fromDue.errors());
    }

    @Override
    public void close() throws InterruptedException {
        timer.close();
        table.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
