package dev.frostline.alert.rule;

import dev.frostline.contracts.Metric;
import java.util.Comparator;
import java.util.Objects;

/**
 * What a rule is about: a kind and, for thresholds and battery, the metric. Of all the rules that
 * apply to a unit, one per key is in force; an open alert is per unit and key as well.
 *
 * @param metric null for {@link RuleKind#OFFLINE}, which is about any reading at all
 */
public record RuleKey(RuleKind kind, Metric metric) implements Comparable<RuleKey> {

    private static final Comparator<RuleKey> ORDER = Comparator.comparing(RuleKey::kind)
            .thenComparing(RuleKey::metric, Comparator.nullsFirst(Comparator.naturalOrder()));

    public RuleKey {
        Objects.requireNonNull(kind, "kind");
        if ((kind == RuleKind.OFFLINE) != (metric == null)) {
            throw new IllegalArgumentException("offline rules have no metric and the other kinds need one");
        }
    }

    @Override
    public int compareTo(RuleKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return metric == null ? kind.wireName() : kind.wireName() + " " + metric.wireName();
    }
}
