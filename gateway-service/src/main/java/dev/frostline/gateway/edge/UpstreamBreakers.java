package dev.frostline.gateway.edge;

import dev.frostline.gateway.routing.Area;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** One {@link CircuitBreaker} per upstream area, set as its {@link UpstreamPolicy} says, with its metrics. */
@ApplicationScoped
public class UpstreamBreakers {

    /** Gauge per upstream: 1 while its breaker is open or half-open, 0 while closed. */
    public static final String OPEN_METRIC = "frostline.gateway.breaker.open";
    /** Requests answered 503 by an open breaker, without trying the upstream. */
    public static final String REJECTED_METRIC = "frostline.gateway.breaker.rejected";
    /** Attempts on an upstream that failed (no connection, or no answer in time). */
    public static final String FAILURES_METRIC = "frostline.gateway.upstream.failures";

    private final Map<Area, CircuitBreaker> breakers = new EnumMap<>(Area.class);
    private final Map<Area, Counter> rejected = new EnumMap<>(Area.class);
    private final Map<Area, Counter> failures = new EnumMap<>(Area.class);

    public UpstreamBreakers(UpstreamPolicies policies, MeterRegistry registry) {
        for (Area area : Area.values()) {
            UpstreamPolicy settings = policies.of(area);
            CircuitBreaker breaker = new CircuitBreaker(settings.breakerFailures(),
                    settings.breakerWindow().toNanos(), settings.breakerOpen().toNanos());
            breakers.put(area, breaker);
            String upstream = area.displayName();
            // A registry that outlives this bean (dev-mode reload, test restarts in one JVM) would
            // otherwise keep reporting the gauge bound to the previous bean's breaker.
            registry.find(OPEN_METRIC).tag("upstream", upstream).gauges().forEach(registry::remove);
            Gauge.builder(OPEN_METRIC, breaker, b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                    .tag("upstream", upstream).register(registry);
            rejected.put(area, Counter.builder(REJECTED_METRIC).tag("upstream", upstream).register(registry));
            failures.put(area, Counter.builder(FAILURES_METRIC).tag("upstream", upstream).register(registry));
        }
    }

    public boolean tryAcquire(Area area) {
        boolean permitted = breakers.get(area).tryAcquire(System.nanoTime());
        if (!permitted) {
            rejected.get(area).increment();
        }
        return permitted;
    }

    public void succeeded(Area area) {
        breakers.get(area).onSuccess();
    }

    public void failed(Area area) {
        failures.get(area).increment();
        breakers.get(area).onFailure(System.nanoTime());
    }

    public CircuitBreaker.State state(Area area) {
        return breakers.get(area).state();
    }

    /** Whole seconds until the open breaker of {@code area} lets a probe through, at least 1. */
    public long retryAfterSeconds(Area area) {
        long nanos = breakers.get(area).remainingOpenNanos(System.nanoTime());
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
