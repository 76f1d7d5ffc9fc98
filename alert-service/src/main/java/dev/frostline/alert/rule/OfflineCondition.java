package dev.frostline.alert.rule;

import java.time.Duration;

/** A unit is out of range once it has sent no reading for {@code silence}. */
public record OfflineCondition(Duration silence) implements RuleCondition {

    public OfflineCondition {
        if (silence == null || silence.isNegative() || silence.isZero()) {
            throw new InvalidRule("An offline rule needs a positive silence (no reading for N minutes), not "
                    + silence + ".");
        }
    }

    @Override
    public RuleKey key() {
        return new RuleKey(RuleKind.OFFLINE, null);
    }

    @Override
    public void checkDeadband(double deadband) {
        if (deadband != 0) {
            throw new InvalidRule("An offline rule has no value to narrow, so its deadband must be 0, not " + deadband
                    + ".");
        }
    }
}
