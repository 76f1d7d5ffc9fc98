package dev.frostline.gateway.edge;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key, in memory, bounded: idle buckets are evicted by {@link #evictIdle},
 * and when the bound is reached anyway, an arbitrary bucket makes room (its client starts again
 * from a full bucket, which errs on the side of letting traffic through). Keys must never be
 * secrets: callers pass hashes or addresses.
 */
public final class RateLimiter {

    private final double capacity;
    private final double refillPerSecond;
    private final int maxBuckets;
    private final long idleNanos;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double capacity, double refillPerSecond, int maxBuckets, long idleNanos) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.maxBuckets = maxBuckets;
        this.idleNanos = idleNanos;
    }

    public TokenBucket.Decision tryTake(String key, long now) {
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxBuckets) {
                evictIdle(now);
                makeRoom();
            }
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, refillPerSecond, now));
        }
        return bucket.tryTake(now);
    }

    public void evictIdle(long now) {
        buckets.values().removeIf(bucket -> bucket.isIdle(now, idleNanos));
    }

    public int size() {
        return buckets.size();
    }

    private void makeRoom() {
        Iterator<String> keys = buckets.keySet().iterator();
        while (buckets.size() >= maxBuckets && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
