package dev.frostline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.gateway.security.RevocationList.Revocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevocationListTest {

    static final Instant T = Instant.parse("2026-01-01T12:00:00Z");
    final RevocationList list = new RevocationList(Duration.ofMinutes(20));

    @Test
    void tokensIssuedAtOrBeforeTheRevocationAreRevoked() {
        list.addAll(List.of(new Revocation("u1", T)));
        assertThat(list.isRevoked("u1", T.minusSeconds(600))).isTrue();
        assertThat(list.isRevoked("u1", T)).isTrue();
        assertThat(list.isRevoked("u1", T.plusSeconds(1))).isFalse();
    }

    @Test
    void otherSubjectsAreUnaffected() {
        list.addAll(List.of(new Revocation("u1", T)));
        assertThat(list.isRevoked("u2", T.minusSeconds(1))).isFalse();
        assertThat(list.isRevoked(null, T.minusSeconds(1))).isFalse();
    }

    @Test
    void theLatestRevocationOfASubjectWinsWhateverTheOrder() {
        list.addAll(List.of(new Revocation("u1", T.plusSeconds(60)), new Revocation("u1", T)));
        assertThat(list.isRevoked("u1", T.plusSeconds(30))).isTrue();
        list.addAll(List.of(new Revocation("u1", T)));
        assertThat(list.isRevoked("u1", T.plusSeconds(60))).isTrue();
        assertThat(list.size()).isEqualTo(1);
    }

    @Test
    void entriesAreKeptForTheRetentionThenDropped() {
        list.addAll(List.of(new Revocation("u1", T), new Revocation("u2", T.plusSeconds(300))));
        list.prune(T.plus(Duration.ofMinutes(20)));
        assertThat(list.size()).isEqualTo(2);
        list.prune(T.plus(Duration.ofMinutes(20)).plusSeconds(1));
        assertThat(list.isRevoked("u1", T)).isFalse();
        assertThat(list.isRevoked("u2", T)).isTrue();
    }
}
