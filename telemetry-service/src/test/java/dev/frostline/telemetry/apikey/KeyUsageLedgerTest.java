package dev.frostline.telemetry.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.telemetry.apikey.KeyUsageLedger.Use;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyUsageLedgerTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final KeyUsageLedger ledger = new KeyUsageLedger();

    @Test
    void manyUsesOfAKeyBetweenDrainsAreReportedOnceWithTheLatestTime() {
        UUID key = UUID.randomUUID();
        ledger.record(key, ORG, T0.plusSeconds(2));
        ledger.record(key, ORG, T0.plusSeconds(5));
        ledger.record(key, ORG, T0.plusSeconds(3));

        assertThat(ledger.drain()).containsExactly(new Use(key, ORG, T0.plusSeconds(5)));
    }

    @Test
    void eachUsedKeyIsReportedAndADrainEmptiesTheLedger() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        ledger.record(first, ORG, T0);
        ledger.record(second, ORG, T0.plusSeconds(1));

        assertThat(ledger.drain()).containsExactlyInAnyOrder(new Use(first, ORG, T0),
                new Use(second, ORG, T0.plusSeconds(1)));
        assertThat(ledger.drain()).isEmpty();
    }

    @Test
    void aRestoredUseNeverHidesANewerOne() {
        UUID key = UUID.randomUUID();
        ledger.record(key, ORG, T0);
        Use failed = ledger.drain().get(0);
        ledger.record(key, ORG, T0.plusSeconds(60));

        ledger.restore(failed);

        assertThat(ledger.drain()).containsExactly(new Use(key, ORG, T0.plusSeconds(60)));
    }

    @Test
    void aRestoredUseIsReportedAgain() {
        UUID key = UUID.randomUUID();
        ledger.record(key, ORG, T0);

        ledger.restore(ledger.drain().get(0));

        assertThat(ledger.drain()).containsExactly(new Use(key, ORG, T0));
    }
}
