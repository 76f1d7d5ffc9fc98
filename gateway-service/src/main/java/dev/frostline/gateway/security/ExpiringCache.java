package dev.frostline.gateway.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded map whose entries expire: at most {@code maxEntries}, the least recently used going
 * first when full, and an entry past its expiry is never returned (it is dropped when met).
 * Synchronized: meant for small, quick operations from any event loop.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final LinkedHashMap<K, Entry<V>> entries;

    ExpiringCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<V> get(K key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.expiresAt())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Keeps {@code value} until {@code expiresAt}; an entry already expired is not kept at all. */
    synchronized void put(K key, V value, Instant expiresAt, Instant now) {
        if (now.isBefore(expiresAt)) {
            entries.put(key, new Entry<>(value, expiresAt));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
