package dev.frostline.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void eachKeyHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1, 1, 100, 60 * SECOND);
        assertThat(limiter.tryTake("a", 0).allowed()).isTrue();
        assertThat(limiter.tryTake("a", 0).allowed()).isFalse();
        assertThat(limiter.tryTake("b", 0).allowed()).isTrue();
    }

    @Test
    void idleBucketsAreEvictedAndBusyOnesKept() {
        RateLimiter limiter = new RateLimiter(1, 1, 100, 60 * SECOND);
        limiter.tryTake("idle", 0);
        limiter.tryTake("busy", 59 * SECOND);
        limiter.evictIdle(61 * SECOND);
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void aBucketStillRefillingIsNotEvictedHoweverLongUnused() {
        RateLimiter limiter = new RateLimiter(1, 0.001, 100, 60 * SECOND);
        limiter.tryTake("slow", 0);
        limiter.evictIdle(120 * SECOND);
        assertThat(limiter.size()).isEqualTo(1);
        assertThat(limiter.tryTake("slow", 120 * SECOND).allowed()).isFalse();
    }

    @Test
    void sizeNeverExceedsTheBound() {
        RateLimiter limiter = new RateLimiter(1, 1, 10, 60 * SECOND);
        for (int i = 0; i < 1000; i++) {
            limiter.tryTake("client-" + i, 0);
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(10);
    }
}
