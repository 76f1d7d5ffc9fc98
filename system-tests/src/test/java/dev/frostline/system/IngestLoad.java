package dev.frostline.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Devices posting batches of readings through the gateway in a closed loop while a test breaks
 * something, remembering what each request was answered. Every reading has its own recorded_at, so a
 * stored row says which request it came from. Bounded: it stops when told, or after five minutes.
 */
final class IngestLoad implements AutoCloseable {

    /** One request: the recorded_at of its readings and its status (-1 when no answer came). */
    record Request(List<Instant> recordedAt, int status) {
    }

    private static final Duration MAX_RUN = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sequence = new AtomicLong();
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final ExecutorService devices;

    /**
     * @param pause how long each device waits between two requests, which keeps the load under the
     *        gateway's per-key rate limit
     */
    IngestLoad(String apiKey, String unitId, int deviceCount, int batchSize, Duration pause) {
        devices = Executors.newFixedThreadPool(deviceCount);
        long deadline = System.nanoTime() + MAX_RUN.toNanos();
        for (int device = 0; device < deviceCount; device++) {
            devices.submit(() -> {
                while (running.get() && System.nanoTime() < deadline) {
                    post(apiKey, unitId, batchSize);
                    sleep(pause);
                }
            });
        }
    }

    /** Stops the devices, waits for their last requests, and answers every request made. */
    List<Request> stop() {
        running.set(false);
        devices.shutdown();
        try {
            if (!devices.awaitTermination(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("ingest load did not stop within 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the ingest load", e);
        }
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many requests were answered 202 so far. */
    long accepted() {
        synchronized (requests) {
            return requests.stream().filter(request -> request.status() == 202).count();
        }
    }

    @Override
    public void close() {
        if (running.get()) {
            stop();
        }
    }

    private void post(String apiKey, String unitId, int batchSize) {
        List<Instant> recordedAt = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"readings\":[");
        for (int i = 0; i < batchSize; i++) {
            Instant at = base.minusMillis(sequence.incrementAndGet());
            recordedAt.add(at);
            body.append(i == 0 ? "" : ",").append("{\"unitId\":\"").append(unitId)
                    .append("\",\"metric\":\"temperature_c\",\"value\":4.5,\"recordedAt\":\"").append(at)
                    .append("\",\"messageId\":\"").append(UUID.randomUUID()).append("\"}");
        }
        body.append("]}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.URL + "/api/telemetry/readings"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        requests.add(new Request(List.copyOf(recordedAt), status));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
