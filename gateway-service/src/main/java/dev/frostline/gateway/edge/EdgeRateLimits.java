package dev.frostline.gateway.edge;

import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.gateway.config.GatewayConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The gateway's rate limits. Buckets live in this replica's memory, so with N gateway replicas a
 * client may get up to N times the configured rate: the limits are per replica.
 */
@ApplicationScoped
public class EdgeRateLimits {

    /** Metric: requests refused with 429, tagged by which limit refused them (never by client). */
    public static final String RATE_LIMITED_METRIC = "frostline.gateway.rate.limited";

    private final RateLimiter ingest;
    private final RateLimiter clients;
    private final Counter ingestRefused;
    private final Counter clientsRefused;
    private final Vertx vertx;
    private final long cleanupTimer;

    public EdgeRateLimits(GatewayConfig config, MeterRegistry registry, Vertx vertx) {
        GatewayConfig.RateLimits limits = config.rateLimits();
        long idle = limits.idleEviction().toNanos();
        this.ingest = new RateLimiter(limits.ingest().capacity(), limits.ingest().refillPerSecond(),
                limits.maxBuckets(), idle);
        this.clients = new RateLimiter(limits.clients().capacity(), limits.clients().refillPerSecond(),
                limits.maxBuckets(), idle);
        this.ingestRefused = Counter.builder(RATE_LIMITED_METRIC).tag("limit", "ingest")
                .description("Requests refused with 429").register(registry);
        this.clientsRefused = Counter.builder(RATE_LIMITED_METRIC).tag("limit", "clients")
                .description("Requests refused with 429").register(registry);
        this.vertx = vertx;
        long every = Math.max(1000, limits.idleEviction().toMillis() / 2);
        this.cleanupTimer = vertx.setPeriodic(every, tick -> {
            long now = System.nanoTime();
            ingest.evictIdle(now);
            clients.evictIdle(now);
        });
    }

    /**
     * The bucket key of a device's X-API-Key: a hash of its prefix (the secret part is never used,
     * kept or logged). Empty for a malformed key, which is then limited as any other client.
     */
    public static Optional<String> deviceKey(String apiKey) {
        return ApiKeyFormat.prefixOf(apiKey).map(prefix -> "key:" + ApiKeyFormat.hash(prefix));
    }

    public TokenBucket.Decision ingest(String deviceKey) {
        TokenBucket.Decision decision = ingest.tryTake(deviceKey, System.nanoTime());
        if (!decision.allowed()) {
            ingestRefused.increment();
        }
        return decision;
    }

    public TokenBucket.Decision client(String clientAddress) {
        return clients("ip:" + clientAddress);
    }

    public TokenBucket.Decision subject(String subject) {
        return clients("sub:" + subject);
    }

    private TokenBucket.Decision clients(String key) {
        TokenBucket.Decision decision = clients.tryTake(key, System.nanoTime());
        if (!decision.allowed()) {
            clientsRefused.increment();
        }
        return decision;
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(cleanupTimer);
    }
}
