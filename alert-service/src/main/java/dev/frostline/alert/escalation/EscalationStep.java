package dev.frostline.alert.escalation;

import dev.frostline.contracts.Role;
import java.time.Duration;
import java.util.Objects;

/**
 * Widens who hears about an alert that is still unacknowledged {@code after} it opened: from then
 * on, every member with {@code audience} or a higher role is notified too.
 */
public record EscalationStep(Duration after, Role audience) {

    public EscalationStep {
        Objects.requireNonNull(audience, "audience");
        if (after == null || after.isNegative() || after.isZero()) {
            throw new InvalidEscalation("An escalation step must come a positive time after the alert opened, not "
                    + after + ".");
        }
    }
}
