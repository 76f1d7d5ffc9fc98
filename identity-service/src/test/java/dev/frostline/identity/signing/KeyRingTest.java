package dev.frostline.identity.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    private final KeyTimeline first = new KeyTimeline("first", t0, t0, null, null);

    @Test
    void aPendingKeyIsPublishedButTheCurrentOneKeepsSigning() {
        KeyTimeline next = new KeyTimeline("next", t0.plusSeconds(60), t0.plusSeconds(180), null, null);
        List<KeyTimeline> keys = List.of(next, first);
        Instant during = t0.plusSeconds(120);

        assertThat(KeyRing.signing(keys, during)).contains(first);
        assertThat(KeyRing.state(next, keys, during)).isEqualTo(KeyState.PENDING);
        assertThat(KeyRing.state(first, keys, during)).isEqualTo(KeyState.CURRENT);
    }

    @Test
    void afterTheDelayTheNewKeySignsAndTheOldOneIsPrevious() {
        KeyTimeline next = new KeyTimeline("next", t0.plusSeconds(60), t0.plusSeconds(180), null, null);
        List<KeyTimeline> keys = List.of(first, next);
        Instant after = t0.plusSeconds(180);

        assertThat(KeyRing.signing(keys, after)).contains(next);
        assertThat(KeyRing.state(first, keys, after)).isEqualTo(KeyState.PREVIOUS);
        assertThat(KeyRing.state(next, keys, after)).isEqualTo(KeyState.CURRENT);
    }

    @Test
    void aRetiredKeyNeverSigns() {
        KeyTimeline retired = new KeyTimeline("old", t0.minusSeconds(600), t0.minusSeconds(600), t0, t0);
        List<KeyTimeline> keys = List.of(retired, first);

        assertThat(KeyRing.signing(keys, t0.plusSeconds(1))).contains(first);
        assertThat(KeyRing.state(retired, keys, t0.plusSeconds(1))).isEqualTo(KeyState.RETIRED);
    }

    @Test
    void withNoActivatedKeyTheEarliestPendingOneSigns() {
        KeyTimeline soon = new KeyTimeline("soon", t0, t0.plusSeconds(10), null, null);
        KeyTimeline later = new KeyTimeline("later", t0, t0.plusSeconds(20), null, null);

        assertThat(KeyRing.signing(List.of(later, soon), t0)).contains(soon);
        assertThat(KeyRing.signing(List.of(), t0)).isEmpty();
    }

    @Test
    void anOldKeyRetiresOneTokenLifetimeAndTheLeewayAfterItsSuccessorActivates() {
        assertThat(KeyRing.retiresAt(t0, Duration.ofMinutes(15), Duration.ofMinutes(5))).isEqualTo(t0.plusSeconds(1200));
    }
}
