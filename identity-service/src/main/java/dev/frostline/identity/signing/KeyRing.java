package dev.frostline.identity.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rotation rules. The current key is the unretired key activated most recently; a key activating
 * later is pending. A key stops signing when its successor activates, and the tokens it signed last
 * expire one access-token lifetime later, so it may be retired after that plus a leeway for clock
 * skew and cached key sets.
 */
public final class KeyRing {

    private KeyRing() {
    }

    /**
     * The key that signs at {@code now}. If none has activated yet (cannot happen after the first
     * start, whose key is active at once) the earliest pending key signs rather than nothing.
     */
    public static Optional<KeyTimeline> signing(List<KeyTimeline> keys, Instant now) {
        List<KeyTimeline> live = keys.stream().filter(k -> k.retiredAt() == null).toList();
        Optional<KeyTimeline> active = live.stream()
                .filter(k -> !k.activatesAt().isAfter(now))
                .max(Comparator.comparing(KeyTimeline::activatesAt).thenComparing(KeyTimeline::createdAt));
        return active.isPresent() ? active : live.stream().min(Comparator.comparing(KeyTimeline::activatesAt));
    }

    public static KeyState state(KeyTimeline key, List<KeyTimeline> keys, Instant now) {
        if (key.retiredAt() != null) {
            return KeyState.RETIRED;
        }
        if (signing(keys, now).map(k -> k.kid().equals(key.kid())).orElse(false)) {
            return KeyState.CURRENT;
        }
        return key.activatesAt().isAfter(now) ? KeyState.PENDING : KeyState.PREVIOUS;
    }

    /** When a key superseded by one activating at {@code successorActivatesAt} may be retired. */
    public static Instant retiresAt(Instant successorActivatesAt, Duration accessTokenTtl, Duration leeway) {
        return successorActivatesAt.plus(accessTokenTtl).plus(leeway);
    }
}
