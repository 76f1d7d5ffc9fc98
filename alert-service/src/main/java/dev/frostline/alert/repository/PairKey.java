package dev.frostline.alert.repository;

import dev.frostline.alert.rule.RuleKey;
import java.util.UUID;

/** One unit against one rule key: the primary key of an excursion state and of its timers. */
public record PairKey(UUID unitId, RuleKey key) {
}
