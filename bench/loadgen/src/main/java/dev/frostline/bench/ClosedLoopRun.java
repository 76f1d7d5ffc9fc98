package dev.frostline.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * C clients, warm-up against every target, then R rounds that measure each target in turn. Rounds
 * interleave the targets so that whatever else the machine does in the meantime hits all of them
 * alike, and the comparison between targets stays fair on a noisy machine. What a client does in
 * each turn is the workload's business.
 */
final class ClosedLoopRun {

    private static final long DRAIN_TIMEOUT_SECONDS = 60;

    /**
     * @param thinkMillis how long each client pauses between two steps, as a person does (0: none, the
     *        clients saturate the server and latency mostly measures queueing)
     */
    record Settings(List<Target> targets, int concurrency, double warmupSeconds, double durationSeconds, int rounds,
            int eventLoops, long thinkMillis) {
    }

    private final Settings settings;
    private final Workload workload;
    private final PrintStream out;
    private final PrintStream progress;

    ClosedLoopRun(Settings settings, Workload workload, PrintStream out, PrintStream progress) {
        this.settings = settings;
        this.workload = workload;
        this.out = out;
        this.progress = progress;
    }

    /** @return the median result per series, targets in order and each target's series in order */
    List<PhaseResult> run() throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.eventLoops()));
        try {
            HttpClient http = vertx.createHttpClient(
                    new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                    // One pooled connection per client and target: no client ever waits for a connection.
                    new PoolOptions().setHttp1MaxSize(settings.concurrency()));
            List<LoopingClient> clients = clients(vertx, http);
            for (Target target : settings.targets()) {
                progress.printf("loadgen: warming up %s (%s) for %.0f s with %d clients, think time %d ms%n",
                        target.name(), target.url(), settings.warmupSeconds(), clients.size(), settings.thinkMillis());
                runPhase(clients, target, settings.warmupSeconds(), 0).forEach(r -> progress.println(r.line("warmup")));
            }
            Map<String, List<PhaseResult>> bySeries = new LinkedHashMap<>();
            for (int round = 1; round <= settings.rounds(); round++) {
                for (Target target : settings.targets()) {
                    for (PhaseResult result : runPhase(clients, target, settings.durationSeconds(), round)) {
                        out.println(result.line("round"));
                        bySeries.computeIfAbsent(result.target(), k -> new ArrayList<>()).add(result);
                    }
                }
            }
            List<PhaseResult> medians = new ArrayList<>();
            bySeries.forEach((name, rounds) -> medians.add(RoundMedians.of(name, rounds)));
            medians.forEach(m -> out.println(m.line("median")));
            return medians;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private List<LoopingClient> clients(Vertx vertx, HttpClient http) {
        List<Context> contexts = EventLoopContexts.spread(vertx, settings.eventLoops());
        List<LoopingClient> clients = new ArrayList<>();
        for (int i = 0; i < settings.concurrency(); i++) {
            clients.add(new LoopingClient(contexts.get(i % contexts.size()), workload.stepFor(i, http),
                    settings.thinkMillis()));
        }
        return clients;
    }

    private List<PhaseResult> runPhase(List<LoopingClient> clients, Target target, double seconds, int round)
            throws InterruptedException {
        Phase phase = new Phase(target, workload.series(target), clients.size());
        phase.start();
        clients.forEach(client -> client.runIn(phase));
        // This is the main thread, not an event loop: sleeping here blocks nothing.
        Thread.sleep(Math.round(seconds * 1000));
        phase.stop();
        if (!phase.awaitDrained(DRAIN_TIMEOUT_SECONDS)) {
            throw new IllegalStateException("requests to " + target.url() + " still in flight after "
                    + DRAIN_TIMEOUT_SECONDS + " s");
        }
        return phase.results(round);
    }
}
