package dev.frostline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    static final Instant T = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void entryIsServedUntilItExpires() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10);
        cache.put("k", "v", T.plusSeconds(60), T);
        assertThat(cache.get("k", T.plusSeconds(59))).contains("v");
        assertThat(cache.get("k", T.plusSeconds(60))).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void alreadyExpiredEntryIsNotKept() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10);
        cache.put("k", "v", T, T);
        assertThat(cache.size()).isZero();
    }

    @Test
    void leastRecentlyUsedEntryGoesFirstWhenFull() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(2);
        cache.put("a", "1", T.plusSeconds(60), T);
        cache.put("b", "2", T.plusSeconds(60), T);
        cache.get("a", T);
        cache.put("c", "3", T.plusSeconds(60), T);
        assertThat(cache.get("b", T)).isEmpty();
        assertThat(cache.get("a", T)).contains("1");
        assertThat(cache.get("c", T)).contains("3");
    }
}
