package dev.frostline.alert.excursion;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * What an adapter must do after a transition, in order: persist timers, open, update and resolve
 * the alert, publish the timeline. One sealed family of immutable records.
 */
public sealed interface ExcursionEffect {

    /** Every phase change, for the alert's timeline and the alert events topic. */
    record StateChanged(Phase from, Phase to, Instant at) implements ExcursionEffect {
    }

    /**
     * Open the alert: the unit has been out of range since {@code since}, long enough as of {@code at}.
     *
     * @param peak the value furthest outside the range so far; empty for offline
     */
    record AlarmOpened(Instant since, Instant at, OptionalDouble peak) implements ExcursionEffect {
    }

    /** The open alert's peak moved further out (higher above max, lower below min). */
    record PeakUpdated(double peak, Instant at) implements ExcursionEffect {
    }

    /** Resolve the open alert automatically: back inside the deadband for the minimum restore duration. */
    record AlarmRestored(Instant since, Instant at, OptionalDouble peak) implements ExcursionEffect {
    }

    /** Store this timer (replacing any other of the same unit and rule) and fire it at {@code due}. */
    record TimerScheduled(ExcursionTimer timer) implements ExcursionEffect {
    }

    /** Delete this timer; if it fires anyway it is stale and does nothing. */
    record TimerCancelled(ExcursionTimer timer) implements ExcursionEffect {
    }
}
