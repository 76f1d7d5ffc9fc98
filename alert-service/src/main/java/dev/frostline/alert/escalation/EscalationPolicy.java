package dev.frostline.alert.escalation;

import dev.frostline.contracts.Role;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What happens to an alert nobody acknowledges, as a rule configures it.
 *
 * @param firstAudience the lowest role notified when the alert opens (members with a higher role hear too)
 * @param renotifyEvery how often the current audience is reminded while unacknowledged; null for never
 * @param steps when the audience widens; each step comes later than the one before and names a higher
 *        role, so an escalation never quietly narrows who is told
 */
public record EscalationPolicy(Role firstAudience, Duration renotifyEvery, List<EscalationStep> steps) {

    public EscalationPolicy {
        Objects.requireNonNull(firstAudience, "firstAudience");
        if (renotifyEvery != null && (renotifyEvery.isNegative() || renotifyEvery.isZero())) {
            throw new InvalidEscalation("Re-notify every must be a positive duration (or none), not " + renotifyEvery
                    + ".");
        }
        steps = List.copyOf(steps == null ? List.of() : steps);
        Role previousAudience = firstAudience;
        Duration previousAfter = Duration.ZERO;
        for (EscalationStep step : steps) {
            if (step.after().compareTo(previousAfter) <= 0) {
                throw new InvalidEscalation("Escalation steps must come in order of time: " + step.after()
                        + " is not after " + previousAfter + ".");
            }
            if (!step.audience().atLeast(previousAudience) || step.audience() == previousAudience) {
                throw new InvalidEscalation("Each escalation step must widen the audience to a higher role: "
                        + step.audience().claimValue() + " does not come after " + previousAudience.claimValue()
                        + ".");
            }
            previousAudience = step.audience();
            previousAfter = step.after();
        }
    }

    /** Notify {@code audience} when the alert opens, and nothing more. */
    public static EscalationPolicy notifyOnce(Role audience) {
        return new EscalationPolicy(audience, null, List.of());
    }

    /** The widest audience in force {@code elapsed} after the alert opened. */
    public Role audienceAfter(Duration elapsed) {
        Role audience = firstAudience;
        for (EscalationStep step : steps) {
            if (step.after().compareTo(elapsed) <= 0) {
                audience = step.audience();
            }
        }
        return audience;
    }
}
