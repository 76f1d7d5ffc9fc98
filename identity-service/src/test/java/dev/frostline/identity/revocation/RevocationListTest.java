package dev.frostline.identity.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RevocationListTest {

    private final RevocationList list = new RevocationList();
    private final UUID user = UUID.randomUUID();
    private final Instant revokedAt = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void tokensIssuedUpToTheRevocationAreVoidAndLaterOnesAreNot() {
        list.add(user, revokedAt);

        assertThat(list.isRevoked(user.toString(), revokedAt.getEpochSecond() - 60)).isTrue();
        assertThat(list.isRevoked(user.toString(), revokedAt.getEpochSecond())).isTrue();
        assertThat(list.isRevoked(user.toString(), revokedAt.getEpochSecond() + 1)).isFalse();
        assertThat(list.isRevoked(UUID.randomUUID().toString(), 0)).isFalse();
    }

    @Test
    void subjectsThatAreNotUuidsAreNeverRevoked() {
        assertThat(list.isRevoked("external|user", 0)).isFalse();
        assertThat(list.isRevoked(null, 0)).isFalse();
    }

    @Test
    void theLaterRevocationWins() {
        list.add(user, revokedAt.plusSeconds(100));
        list.add(user, revokedAt);

        assertThat(list.isRevoked(user.toString(), revokedAt.getEpochSecond() + 50)).isTrue();
    }

    @Test
    void revocationsOlderThanTheHorizonAreForgotten() {
        list.add(user, revokedAt);
        list.forgetBefore(revokedAt.plusSeconds(1));

        assertThat(list.isRevoked(user.toString(), 0)).isFalse();
    }
}
