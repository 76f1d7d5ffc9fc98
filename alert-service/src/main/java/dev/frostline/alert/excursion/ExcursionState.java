package dev.frostline.alert.excursion;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything the machine remembers about one unit and rule key, to be stored whole after every
 * transition, in the same transaction as the record of the input that caused it. Nullable fields
 * are null until they first mean something.
 *
 * @param phaseSince when the current phase began; null in the initial state
 * @param excursionStart when the value (or silence) went out of range for the current excursion
 *        or alarm; null in {@link Phase#OK}
 * @param peak the value furthest outside the range since {@code excursionStart}; null in OK and for offline
 * @param clock the newest instant evaluated: the latest reading's time or fired timer's due time.
 *        A reading at or before it is late and changes nothing.
 * @param lastValue the latest evaluated reading's value (value rules only), re-evaluated when the rule changes
 * @param lastSeen the latest reading's time (or the start of monitoring), which an offline rule
 *        counts its silence from
 * @param timer the pending timer, or null
 * @param timersScheduled how many timers this pair ever scheduled: the next one's generation
 */
public record ExcursionState(
        Phase phase,
        Instant phaseSince,
        Instant excursionStart,
        Double peak,
        Instant clock,
        Double lastValue,
        Instant lastSeen,
        ExcursionTimer timer,
        long timersScheduled) {

    /** A (unit, rule) nothing has happened to yet. */
    public static final ExcursionState INITIAL =
            new ExcursionState(Phase.OK, null, null, null, null, null, null, null, 0);

    public ExcursionState {
        Objects.requireNonNull(phase, "phase");
    }
}
