package dev.frostline.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void fullBucketAllowsItsCapacityAtOnceThenRefuses() {
        TokenBucket bucket = new TokenBucket(3, 1, 0);
        assertThat(bucket.tryTake(0).allowed()).isTrue();
        assertThat(bucket.tryTake(0).allowed()).isTrue();
        assertThat(bucket.tryTake(0).allowed()).isTrue();
        TokenBucket.Decision refused = bucket.tryTake(0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void tokensComeBackAtTheRefillRate() {
        TokenBucket bucket = new TokenBucket(1, 2, 0);
        assertThat(bucket.tryTake(0).allowed()).isTrue();
        assertThat(bucket.tryTake(SECOND / 4).allowed()).isFalse();
        assertThat(bucket.tryTake(SECOND / 2).allowed()).isTrue();
    }

    @Test
    void retryAfterIsTheWaitForOneTokenRoundedUpToWholeSeconds() {
        TokenBucket bucket = new TokenBucket(1, 0.1, 0);
        bucket.tryTake(0);
        assertThat(bucket.tryTake(0).retryAfterSeconds()).isEqualTo(10);
        assertThat(bucket.tryTake(SECOND * 9 / 2).retryAfterSeconds()).isEqualTo(6);
        // Almost there still means "wait a second", never 0.
        assertThat(bucket.tryTake(SECOND * 10 - 1).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillNeverExceedsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 100, 0);
        long later = 3600 * SECOND;
        assertThat(bucket.tryTake(later).allowed()).isTrue();
        assertThat(bucket.tryTake(later).allowed()).isTrue();
        assertThat(bucket.tryTake(later).allowed()).isFalse();
    }

    @Test
    void bucketIsIdleOnlyWhenFullAndUnusedLongEnough() {
        TokenBucket bucket = new TokenBucket(2, 1, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        assertThat(bucket.isIdle(SECOND, 10 * SECOND)).isFalse();
        assertThat(bucket.isIdle(10 * SECOND, 10 * SECOND)).isTrue();
    }
}
