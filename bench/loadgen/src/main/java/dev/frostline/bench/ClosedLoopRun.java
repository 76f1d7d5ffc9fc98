package dev.frostline.bench;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * C clients, warm-up against every target, then R rounds that measure each target in turn. Rounds
 * interleave the targets so that whatever else the machine does in the meantime hits all of them
 * alike, and the comparison between targets stays fair on a noisy machine.
 */
final class ClosedLoopRun {

    /** Template placeholder in headers and body, replaced per client by one of the --vary values. */
    static final String PLACEHOLDER = "{v}";
    private static final long DRAIN_TIMEOUT_SECONDS = 60;

    record Settings(List<Target> targets, HttpMethod method, List<String> headers, String body,
            List<String> varyValues, int concurrency, double warmupSeconds, double durationSeconds, int rounds,
            int eventLoops, long requestTimeoutMillis) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final PrintStream progress;

    ClosedLoopRun(Settings settings, PrintStream out, PrintStream progress) {
        this.settings = settings;
        this.out = out;
        this.progress = progress;
    }

    /** @return the median result per target, in target order */
    List<PhaseResult> run() throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.eventLoops()));
        try {
            HttpClient http = vertx.createHttpClient(
                    new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                    // One pooled connection per client and target: no client ever waits for a connection.
                    new PoolOptions().setHttp1MaxSize(settings.concurrency()));
            List<LoopingClient> clients = clients(vertx, http);
            for (Target target : settings.targets()) {
                progress.printf("loadgen: warming up %s (%s) for %.0f s with %d clients%n", target.name(),
                        target.url(), settings.warmupSeconds(), clients.size());
                PhaseResult warmup = runPhase(clients, target, settings.warmupSeconds(), 0);
                progress.println(warmup.line("warmup"));
            }
            Map<String, List<PhaseResult>> byTarget = new LinkedHashMap<>();
            for (int round = 1; round <= settings.rounds(); round++) {
                for (Target target : settings.targets()) {
                    PhaseResult result = runPhase(clients, target, settings.durationSeconds(), round);
                    out.println(result.line("round"));
                    byTarget.computeIfAbsent(target.name(), k -> new ArrayList<>()).add(result);
                }
            }
            List<PhaseResult> medians = new ArrayList<>();
            byTarget.forEach((name, rounds) -> medians.add(RoundMedians.of(name, rounds)));
            medians.forEach(m -> out.println(m.line("median")));
            return medians;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private List<LoopingClient> clients(Vertx vertx, HttpClient http) {
        List<String> vary = settings.varyValues().isEmpty() ? List.of("") : settings.varyValues();
        List<Context> contexts = EventLoopContexts.spread(vertx, settings.eventLoops());
        List<LoopingClient> clients = new ArrayList<>();
        for (int i = 0; i < settings.concurrency(); i++) {
            String value = vary.get(i % vary.size());
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            for (String header : settings.headers()) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("--header must be 'Name: value', got: " + header);
                }
                headers.add(header.substring(0, colon).trim(),
                        header.substring(colon + 1).trim().replace(PLACEHOLDER, value));
            }
            Buffer body = settings.body() == null ? null : Buffer.buffer(settings.body().replace(PLACEHOLDER, value));
            clients.add(new LoopingClient(http, contexts.get(i % contexts.size()), settings.method(), headers, body,
                    settings.requestTimeoutMillis()));
        }
        return clients;
    }

    private PhaseResult runPhase(List<LoopingClient> clients, Target target, double seconds, int round)
            throws InterruptedException {
        Phase phase = new Phase(target, clients.size());
        phase.start();
        clients.forEach(client -> client.runIn(phase));
        // This is the main thread, not an event loop: sleeping here blocks nothing.
        Thread.sleep(Math.round(seconds * 1000));
        phase.stop();
        if (!phase.awaitDrained(DRAIN_TIMEOUT_SECONDS)) {
            throw new IllegalStateException("requests to " + target.url() + " still in flight after "
                    + DRAIN_TIMEOUT_SECONDS + " s");
        }
        return phase.result(round);
    }
}
