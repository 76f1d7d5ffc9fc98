package dev.frostline.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One simulated device of the open-loop ingest: it posts a batch every {@code interval}, on a fixed
 * schedule that does not wait for the platform. Like a real device it has one request in flight
 * and keeps its unacknowledged readings: when a response comes after the next batch was due, the
 * next batch goes at once, and its latency is counted from when it was due, not from when it could
 * go (so a slow platform cannot hide its queue in the load generator: no coordinated omission).
 */
final class PacedDevice {

    /** What every device of a fleet shares. */
    record Plan(String url, MultiMap headers, ReadingRecords records, int batch, long requestTimeoutMillis) {
    }

    /** A request started this much after it was due counts as late: the device was behind its schedule. */
    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Context context;
    private final HttpClient http;
    private final Plan plan;
    private final int index;
    private long readingsSent;

    PacedDevice(Context context, HttpClient http, Plan plan, int index) {
        this.context = context;
        this.http = http;
        this.plan = plan;
        this.index = index;
    }

    /** Starts this device's schedule in the phase; its first batch is due {@code offsetNanos} after the phase started. */
    void runIn(IngestPhase phase, long intervalNanos, long offsetNanos) {
        context.runOnContext(ignored -> waitFor(phase, phase.startNanos() + offsetNanos, intervalNanos));
    }

    private void waitFor(IngestPhase phase, long due, long intervalNanos) {
        // A batch due after the window is never sent, so the phase ends on time even at low rates.
        if (phase.http().stopped() || due >= phase.endNanos()) {
            phase.http().drainedOne();
            return;
        }
        // Rounded up: a batch never goes out before it is due, so its time from "due" is never the shorter one.
        long delayMillis = Math.floorDiv(due - System.nanoTime() + 999_999, 1_000_000);
        if (delayMillis >= 1) {
            context.owner().setTimer(delayMillis, ignored -> send(phase, due, intervalNanos));
        } else {
            send(phase, due, intervalNanos);
        }
    }

    private void send(IngestPhase phase, long due, long intervalNanos) {
        if (phase.http().stopped()) {
            phase.http().drainedOne();
            return;
        }
        long first = readingsSent;
        readingsSent += plan.batch();
        // Devices start their round robin at different units, so each batch spans units of every partition.
        String body = plan.records().requestBody(first + (long) index * 7919, plan.batch(), ReadingRecords.now(),
                phase.messageIdPrefix() + index + "-");
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(plan.url())
                .setHeaders(plan.headers())
                .setIdleTimeout(plan.requestTimeoutMillis());
        long sent = System.nanoTime();
        if (sent - due > LATE_NANOS) {
            phase.late().increment();
        }
        boolean sampled = phase.takeSample();
        Reply.send(http, options, Buffer.buffer(body)).onComplete(outcome -> {
            record(phase, due, sent, outcome, sampled);
            // Through the task queue: a failure can complete synchronously, and recursion must not build up.
            context.runOnContext(ignored -> waitFor(phase, due + intervalNanos, intervalNanos));
        });
    }

    private void record(IngestPhase phase, long due, long sent, AsyncResult<Reply> outcome, boolean sampled) {
        long ended = System.nanoTime();
        Phase http = phase.http();
        if (outcome.failed()) {
            String kind = outcome.cause().getClass().getSimpleName();
            http.error(IngestPhase.FROM_DUE, kind, ended);
            http.error(IngestPhase.FROM_SEND, kind, ended);
            return;
        }
        Reply reply = outcome.result();
        List<UUID> ids = reply.status() == 202 ? acceptedIds(reply.body()) : null;
        if (ids == null || ids.size() != plan.batch()) {
            String kind = reply.status() == 202 ? "202-without-all-ids" : String.valueOf(reply.status());
            phase.firstRefusal(reply.status() + " " + reply.body());
            http.error(IngestPhase.FROM_DUE, kind, ended);
            http.error(IngestPhase.FROM_SEND, kind, ended);
            return;
        }
        http.success(IngestPhase.FROM_DUE, due, ended, ids.size());
        http.success(IngestPhase.FROM_SEND, sent, ended, ids.size());
        if (sampled) {
            phase.samples().track(ids, ended);
        }
    }

    /** The IDs of {@code {"accepted":n,"ids":[...]}}, or null when the body is not that with n IDs. */
    private static List<UUID> acceptedIds(Buffer body) {
        try {
            JsonObject answer = new JsonObject(body);
            JsonArray ids = answer.getJsonArray("ids");
            Integer accepted = answer.getInteger("accepted");
            if (ids == null || accepted == null || accepted != ids.size()) {
                return null;
            }
            List<UUID> parsed = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                parsed.add(UUID.fromString(ids.getString(i)));
            }
            return parsed;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
