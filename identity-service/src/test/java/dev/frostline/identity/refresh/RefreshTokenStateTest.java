package dev.frostline.identity.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshTokenStateTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);
    private static final Instant EARLIER = NOW.minusSeconds(60);

    @Test
    void unusedUnrevokedUnexpiredTokenIsValid() {
        assertThat(RefreshTokenState.of(null, null, LATER, NOW)).isEqualTo(RefreshTokenState.VALID);
    }

    @Test
    void tokenIsExpiredFromTheInstantItsLifetimeEnds() {
        assertThat(RefreshTokenState.of(null, null, NOW, NOW)).isEqualTo(RefreshTokenState.EXPIRED);
        assertThat(RefreshTokenState.of(null, null, EARLIER, NOW)).isEqualTo(RefreshTokenState.EXPIRED);
    }

    @Test
    void usedTokenPresentedAgainIsReuseAndRevokesTheFamily() {
        RefreshTokenState state = RefreshTokenState.of(EARLIER, null, LATER, NOW);
        assertThat(state).isEqualTo(RefreshTokenState.REUSED);
        assertThat(state.revokesFamily()).isTrue();
    }

    @Test
    void usedTokenIsStillReuseAfterItExpiredBecauseItsSuccessorsMayBeAlive() {
        assertThat(RefreshTokenState.of(EARLIER, null, EARLIER, NOW)).isEqualTo(RefreshTokenState.REUSED);
    }

    @Test
    void revokedWinsOverEverythingElse() {
        assertThat(RefreshTokenState.of(EARLIER, EARLIER, EARLIER, NOW)).isEqualTo(RefreshTokenState.REVOKED);
        assertThat(RefreshTokenState.of(null, EARLIER, LATER, NOW)).isEqualTo(RefreshTokenState.REVOKED);
    }

    @Test
    void onlyReuseRevokesTheFamily() {
        assertThat(RefreshTokenState.VALID.revokesFamily()).isFalse();
        assertThat(RefreshTokenState.EXPIRED.revokesFamily()).isFalse();
        assertThat(RefreshTokenState.REVOKED.revokesFamily()).isFalse();
    }
}
