package dev.frostline.alert.repository;

import dev.frostline.alert.rule.AlertRule;
import java.time.Instant;

/**
 * A rule as stored: {@code version} grows with every edit (the ETag) and, kept on each excursion
 * state, tells whether the state was last evaluated against this edit of the rule.
 * Platform defaults are version 0 and have no timestamps.
 */
public record StoredRule(AlertRule rule, long version, Instant createdAt, Instant updatedAt) {

    public static StoredRule platformDefault(AlertRule rule) {
        return new StoredRule(rule, 0, null, null);
    }
}
