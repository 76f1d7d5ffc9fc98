package dev.frostline.alert.excursion;

import java.time.Instant;
import java.util.Objects;

/**
 * The one timer a (unit, rule) may have pending. Its {@code generation} is its identity within that
 * pair: every timer scheduled gets the next number, so a {@link ExcursionInput.TimerFired} that
 * names any other generation is stale (cancelled or replaced meanwhile) and changes nothing.
 */
public record ExcursionTimer(long generation, Instant due, TimerPurpose purpose) {

    public ExcursionTimer {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(purpose, "purpose");
    }
}
