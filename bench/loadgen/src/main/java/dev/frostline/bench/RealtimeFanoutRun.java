package dev.frostline.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The WebSocket fan-out benchmark (bench/realtime.sh): for each target (realtime-service, the bare Vert.x
 * baseline), N connections each subscribe to one channel of a list (unit and site channels, round robin),
 * while readings flow in through the gateway at a fixed rate (open loop, a fixed number per request). Every
 * event frame that arrives is matched, by the reading's ID in {@code data.eventId}, to the moment its
 * ingest request was answered 202: that difference is the latency. Each phase opens its connections, warms
 * up, measures a window, and closes them again, so both targets get the same N connections from the same
 * client; rounds alternate the targets. Prints one {@code round target=... key=value ...} line per phase
 * (latencies in µs); the script takes the medians.
 */
final class RealtimeFanoutRun {

    /** A frame that arrives before its reading's 202 is recorded as this (0 µs: it cannot be earlier). */
    private static final long BEFORE_ACK = 0;
    /** Connection attempts in flight at a time: the server's accept backlog and handshakes set the pace. */
    private static final int CONNECTING_AT_ONCE = 256;

    record Settings(Map<String, URI> targets, String token, List<String> channels, int connections,
            List<String> sourceAddresses, String ingestUrl, String apiKey, List<String[]> units, double rate,
            int readingsPerRequest, double ingestWarmupSeconds, double warmupSeconds, double durationSeconds, int rounds, int eventLoops) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final PrintStream progress;
    private final Vertx vertx;
    private final HttpClient ingest;
    private final List<WebSocketClient> socketClients = new ArrayList<>();
    /** The fan-out of a reading of each unit: subscribers of its unit and of its site. */
    private final Map<String, Integer> subscribersOfChannel = new HashMap<>();

    /** Per phase. */
    private final Map<String, Long> ackedAt = new ConcurrentHashMap<>();
    private final Recorder latency = new Recorder(3_600_000_000L, 3);
    private final LongAdder framesInWindow = new LongAdder();
    /** Frames received per reading ID, for the whole phase: a frame may beat its reading's 202. */
    private final Map<String, LongAdder> framesOfReading = new ConcurrentHashMap<>();
    private final Recorder ingestLatency = new Recorder(3_600_000_000L, 3);
    private final LongAdder beforeAck = new LongAdder();
    private final LongAdder unmatched = new LongAdder();
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, LongAdder> closedBy = new ConcurrentHashMap<>();
    private final LongAdder ingestErrors = new LongAdder();
    private final Map<String, LongAdder> ingestErrorKinds = new ConcurrentHashMap<>();
    private volatile boolean measuring;
    private volatile long windowStart;
    private volatile long windowEnd;

    RealtimeFanoutRun(Settings settings, PrintStream out, PrintStream progress) {
        this.settings = settings;
        this.out = out;
        this.progress = progress;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.eventLoops()));
        this.ingest = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                // Enough that requests never queue in the client at the rates used: open loop.
                new PoolOptions().setHttp1MaxSize(512));
        // One client per source address: each has its own ephemeral ports (about 28,000 per address).
        for (String address : settings.sourceAddresses()) {
            socketClients.add(vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setLocalAddress(address)
                    .setMaxConnections(settings.connections())
                    .setConnectTimeout(30_000)
                    .setMaxMessageSize(1 << 20)));
        }
        for (int i = 0; i < settings.connections(); i++) {
            subscribersOfChannel.merge(channelOf(i), 1, Integer::sum);
        }
    }

    private String channelOf(int connection) {
        return settings.channels().get(connection % settings.channels().size());
    }

    void run() throws InterruptedException {
        try {
            warmUpIngest();
            List<String> order = new ArrayList<>(settings.targets().keySet());
            for (int round = 1; round <= settings.rounds(); round++) {
                for (String target : order) {
                    String line = phase(target, settings.targets().get(target), round);
                    out.println("round target=" + target + " round=" + round + " " + line);
                }
                // The next round starts with the other target, so neither always runs on a warmer machine.
                java.util.Collections.reverse(order);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /**
     * Posts readings at the rate before any socket is open, so the first phase does not meet an ingest
     * path (gateway, telemetry, Kafka, alert) that has not yet been compiled by the JIT.
     */
    private void warmUpIngest() throws InterruptedException {
        if (settings.ingestWarmupSeconds() <= 0) {
            return;
        }
        progress.printf("bench: warming up the ingest path for %.0f s (no sockets open)%n", settings.ingestWarmupSeconds());
        long periodic = startIngest();
        try {
            Thread.sleep(Math.round(settings.ingestWarmupSeconds() * 1000));
        } finally {
            vertx.cancelTimer(periodic);
        }
        if (ingestErrors.sum() > 0) {
            progress.printf("bench: %d readings refused while warming up: %s%n", ingestErrors.sum(), kinds(ingestErrorKinds));
        }
    }

    private String phase(String target, URI uri, int round) throws InterruptedException {
        resetPhase();
        long connectStart = System.nanoTime();
        List<WebSocket> sockets = connectAll(target, uri);
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        int subscribed = sockets.size();
        progress.printf("bench: %s round %d: %d of %d connections subscribed in %.1f s%n", target, round, subscribed,
                settings.connections(), connectSeconds);

        long periodic = startIngest();
        try {
            Thread.sleep(Math.round(settings.warmupSeconds() * 1000));
            latency.reset();
            framesInWindow.reset();
            beforeAck.reset();
            windowStart = System.nanoTime();
            measuring = true;
            Thread.sleep(Math.round(settings.durationSeconds() * 1000));
            measuring = false;
            windowEnd = System.nanoTime();
        } finally {
            vertx.cancelTimer(periodic);
        }
        Histogram window = latency.getIntervalHistogram();
        long frames = framesInWindow.sum();
        int held = open.get();
        double seconds = (windowEnd - windowStart) / 1e9;
        // Frames of the window's readings still on their way are let in before they are counted.
        Thread.sleep(3000);
        long expected = expectedFrames();
        long delivered = 0;
        for (String reading : windowUnits.keySet()) {
            LongAdder received = framesOfReading.get(reading);
            delivered += received == null ? 0 : received.sum();
        }
        Histogram ingestWindow = ingestLatency.getIntervalHistogram();
        String closedByServer = kinds(closedBy);
        closeAll(sockets);

        return "connections=" + settings.connections() + " subscribed=" + subscribed + " held=" + held
                + " connect_s=" + String.format("%.1f", connectSeconds)
                + " readings=" + windowUnits.size()
                + " readings_rps=" + String.format("%.1f", windowUnits.size() / seconds)
                + " events_rps=" + Math.round(frames / seconds)
                + " expected=" + expected + " delivered=" + delivered
                + " delivered_share=" + (expected == 0 ? "-" : String.format("%.4f", delivered / (double) expected))
                + " p50_us=" + window.getValueAtPercentile(50) + " p99_us=" + window.getValueAtPercentile(99)
                + " p999_us=" + window.getValueAtPercentile(99.9) + " max_us=" + window.getMaxValue()
                + " before_202=" + beforeAck.sum() + " unmatched=" + unmatched.sum()
                + " ingest_errors=" + ingestErrors.sum() + " ingest_error_kinds=" + kinds(ingestErrorKinds)
                + " ingest_p50_us=" + ingestWindow.getValueAtPercentile(50)
                + " ingest_p99_us=" + ingestWindow.getValueAtPercentile(99)
                + " closed_by_server=" + closedByServer;
    }

    /** Frames the window's readings owe: each reading's unit subscribers plus its site's. */
    private long expectedFrames() {
        Map<String, String> siteOfUnit = new HashMap<>();
        for (String[] unit : settings.units()) {
            siteOfUnit.put(unit[0], unit[1]);
        }
        long expected = 0;
        for (String unit : windowUnits.values()) {
            expected += subscribersOfChannel.getOrDefault("unit:" + unit, 0)
                    + subscribersOfChannel.getOrDefault("site:" + siteOfUnit.get(unit), 0);
        }
        return expected;
    }

    /** Reading ID -> unit, of the readings answered 202 inside the window. */
    private final Map<String, String> windowUnits = new ConcurrentHashMap<>();

    private void resetPhase() {
        ackedAt.clear();
        windowUnits.clear();
        framesOfReading.clear();
        ingestLatency.reset();
        unmatched.reset();
        closedBy.clear();
        ingestErrors.reset();
        ingestErrorKinds.clear();
        open.set(0);
    }

    private List<WebSocket> connectAll(String target, URI uri) throws InterruptedException {
        List<WebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
        Semaphore slots = new Semaphore(CONNECTING_AT_ONCE);
        CountDownLatch done = new CountDownLatch(settings.connections());
        AtomicLong failures = new AtomicLong();
        Map<String, LongAdder> failureKinds = new ConcurrentHashMap<>();
        boolean authenticated = !"baseline".equals(target);
        for (int i = 0; i < settings.connections(); i++) {
            slots.acquire();
            String channel = channelOf(i);
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
                    .setURI(uri.getPath());
            if (authenticated) {
                options.addHeader("Authorization", "Bearer " + settings.token());
            }
            socketClients.get(i % socketClients.size()).connect(options)
                    .compose(socket -> subscribe(socket, channel))
                    .onComplete(result -> {
                        slots.release();
                        if (result.succeeded()) {
                            sockets.add(result.result());
                        } else {
                            failures.incrementAndGet();
                            failureKinds.computeIfAbsent(kind(result.cause()), k -> new LongAdder()).increment();
                        }
                        done.countDown();
                    });
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            progress.println("bench: connecting did not finish within 10 minutes");
        }
        if (failures.get() > 0) {
            progress.printf("bench: %s: %d connections failed: %s%n", target, failures.get(), kinds(failureKinds));
        }
        return sockets;
    }

    /** Waits for the welcome, subscribes, waits for the ack; from then on counts the socket's event frames. */
    private Future<WebSocket> subscribe(WebSocket socket, String channel) {
        Promise<WebSocket> acked = Promise.promise();
        open.incrementAndGet();
        socket.closeHandler(ignored -> {
            open.decrementAndGet();
            Short code = socket.closeStatusCode();
            closedBy.computeIfAbsent(code == null ? "none" : code.toString(), k -> new LongAdder()).increment();
            acked.tryFail("closed before the ack (" + code + ")");
        });
        String subscribe = "{\"type\":\"subscribe\",\"id\":\"s\",\"channel\":\"" + channel + "\"}";
        AtomicInteger refusals = new AtomicInteger();
        socket.textMessageHandler(text -> {
            if (text.startsWith("{\"type\":\"event\"")) {
                onEvent(text);
            } else if (text.startsWith("{\"type\":\"welcome\"")) {
                socket.writeTextMessage(subscribe);
            } else if (text.contains("\"type\":\"ack\"")) {
                acked.tryComplete(socket);
            } else if (text.contains("channel-forbidden") && refusals.incrementAndGet() < 60) {
                // realtime learns of new units from catalog's topic a moment after they were created.
                vertx.setTimer(1000, id -> socket.writeTextMessage(subscribe));
            } else if (text.contains("\"type\":\"error\"")) {
                acked.tryFail("subscribe refused: " + text);
            }
        });
        return acked.future();
    }

    private void onEvent(String frame) {
        long now = System.nanoTime();
        int data = frame.indexOf("\"data\":");
        int id = data < 0 ? -1 : frame.indexOf("\"eventId\":\"", data);
        if (id < 0) {
            unmatched.increment();
            return;
        }
        String readingId = frame.substring(id + 11, id + 11 + 36);
        framesOfReading.computeIfAbsent(readingId, r -> new LongAdder()).increment();
        if (!measuring) {
            return;
        }
        framesInWindow.increment();
        Long acked = ackedAt.get(readingId);
        if (acked == null) {
            // The frame outran the 202 (the reading was in Kafka before the answer reached the client).
            beforeAck.increment();
            latency.recordValue(BEFORE_ACK);
        } else {
            latency.recordValue(Math.max(0, (now - acked) / 1000));
        }
    }

    /**
     * Posts readings at the rate, round robin over the units, {@code readingsPerRequest} in each request
     * (open loop, 10 ms ticks): a request leaves once the rate owes all of its readings.
     */
    private long startIngest() {
        URI url = URI.create(settings.ingestUrl());
        int perRequest = settings.readingsPerRequest();
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        return vertx.setPeriodic(10, id -> {
            long due = (long) ((System.nanoTime() - start) / 1e9 * settings.rate());
            while (sent.get() + perRequest <= due) {
                long first = sent.getAndAdd(perRequest);
                List<String> unitIds = new ArrayList<>(perRequest);
                for (long n = first; n < first + perRequest; n++) {
                    unitIds.add(settings.units().get((int) (n % settings.units().size()))[0]);
                }
                post(url, unitIds, first);
            }
        });
    }

    /** One request of the units' readings; on its 202, each reading's ID is matched to its unit. */
    private void post(URI url, List<String> unitIds, long first) {
        JsonArray readings = new JsonArray();
        for (int i = 0; i < unitIds.size(); i++) {
            readings.add(new JsonObject().put("unitId", unitIds.get(i)).put("metric", "temperature_c")
                    .put("value", 2.0 + ((first + i) % 40) / 10.0));
        }
        Buffer body = Buffer.buffer(new JsonObject().put("readings", readings).encode());
        boolean inWindow = measuring;
        long sentAt = System.nanoTime();
        ingest.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost()).setPort(url.getPort())
                        .setURI(url.getPath()).putHeader("X-API-Key", settings.apiKey())
                        .putHeader("Content-Type", "application/json").setTimeout(30_000))
                .compose(request -> request.send(body))
                .compose(response -> response.body().map(answer -> {
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException(Integer.toString(response.statusCode()));
                    }
                    return answer;
                }))
                .onSuccess(answer -> {
                    long now = System.nanoTime();
                    JsonArray ids = new JsonObject(answer).getJsonArray("ids");
                    for (int i = 0; i < ids.size(); i++) {
                        ackedAt.put(ids.getString(i), now);
                        if (inWindow) {
                            windowUnits.put(ids.getString(i), unitIds.get(i));
                        }
                    }
                    if (inWindow) {
                        ingestLatency.recordValue((now - sentAt) / 1000);
                    }
                })
                .onFailure(failure -> {
                    ingestErrors.increment();
                    ingestErrorKinds.computeIfAbsent(kind(failure), k -> new LongAdder()).increment();
                });
    }

    private void closeAll(List<WebSocket> sockets) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(sockets.size());
        for (WebSocket socket : List.copyOf(sockets)) {
            socket.close().onComplete(ignored -> closed.countDown());
        }
        closed.await(2, TimeUnit.MINUTES);
        // A socket counts as closed once its close handler ran, not when its close frame went out: wait for
        // those, or they would be counted against the next phase.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (open.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static String kind(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.replaceAll("[\\s=,:]+", "_").substring(0, Math.min(60, message.length()));
    }

    private static String kinds(Map<String, LongAdder> counts) {
        if (counts.isEmpty()) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(counts).forEach((kind, count) -> text.append(text.length() == 0 ? "" : ",")
                .append(kind).append(':').append(count.sum()));
        return text.toString();
    }
}
