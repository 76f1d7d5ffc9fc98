package dev.frostline.alert.excursion;

import java.time.Instant;
import java.util.Objects;

/**
 * What can move a (unit, rule) state: a reading, a timer, the rule starting to watch the unit, the
 * rule changing, or a person resolving the alert.
 */
public sealed interface ExcursionInput {

    /**
     * A reading of the unit. For a threshold rule, of the rule's metric; for low battery, of
     * {@code battery_pct}; for offline, any reading at all (its value is not looked at).
     */
    record ReadingObserved(double value, Instant recordedAt) implements ExcursionInput {
        public ReadingObserved {
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }

    /**
     * A timer came due. {@code at} is when it actually fired, at or after its due time; the
     * transition it causes is dated at the due time, so a late firing does not shift the timeline.
     */
    record TimerFired(long generation, Instant at) implements ExcursionInput {
        public TimerFired {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The rule began to apply to the unit (unit created, rule created, first sight of the unit).
     * For an offline rule it stands in for a first reading, so a unit that never reports goes
     * offline {@code silence} after this; for the other kinds it changes nothing.
     */
    record MonitoringStarted(Instant at) implements ExcursionInput {
        public MonitoringStarted {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The rule of this pair was edited (new bounds, durations, deadband, ...) at {@code at}; pass the
     * new rule with it. Whatever the new durations make due has happened (dated no earlier than the
     * change), then the latest reading is evaluated again against the new rule as if observed at
     * {@code at}, and the pending timer follows the new durations. No restart, no new reading needed.
     */
    record RuleChanged(Instant at) implements ExcursionInput {
        public RuleChanged {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A manager resolved the open alert by hand at {@code at}. The pair returns to ok (the adapter
     * has already closed the alert, so no {@link ExcursionEffect.AlarmRestored} follows), and starts
     * over: a value still out of range begins a new excursion at {@code at}, and an offline rule
     * counts its silence from {@code at}. Nothing changes if no alarm is open.
     */
    record ResolvedByHand(Instant at) implements ExcursionInput {
        public ResolvedByHand {
            Objects.requireNonNull(at, "at");
        }
    }
}
