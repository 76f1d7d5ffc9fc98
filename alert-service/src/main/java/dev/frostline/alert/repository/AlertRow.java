package dev.frostline.alert.repository;

import dev.frostline.alert.alert.AlertState;
import dev.frostline.alert.escalation.AlertTimeline;
import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.rule.RuleKey;
import dev.frostline.alert.rule.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An {@code alerts} row while a transaction works on it; written back whole at the end. Mutable on
 * purpose: several effects of one batch (opened, peak, restored) may change the same alert.
 */
public final class AlertRow {
    public UUID id;
    public UUID orgId;
    public UUID siteId;
    public UUID unitId;
    public UUID ruleId;
    public RuleKey key;
    public Severity severity;
    public AlertState state;
    public Instant since;
    public Instant openedAt;
    public Double triggerValue;
    public Double peak;
    public Double min;
    public Double max;
    public UUID triggeringReadingId;
    public EscalationPolicy escalation;
    public Instant notifiedUpTo;
    public Instant acknowledgedAt;
    public UUID acknowledgedBy;
    public String acknowledgeNote;
    public Instant resolvedAt;
    public UUID resolvedBy;
    public String resolveNote;
    public String resolution;

    public AlertTimeline timeline() {
        return new AlertTimeline(openedAt, acknowledgedAt, resolvedAt);
    }

    public PairKey pair() {
        return new PairKey(unitId, key);
    }

    /** Who has heard of it so far: the widest audience of the notices written up to now. */
    public dev.frostline.contracts.Role audienceSoFar() {
        return escalation.audienceAfter(Duration.between(openedAt, notifiedUpTo));
    }
}
