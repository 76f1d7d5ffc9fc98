package dev.frostline.realtime.resume;

import dev.frostline.realtime.channel.OrgChannel;
import dev.frostline.realtime.stream.SourcePartition;
import dev.frostline.realtime.stream.SourceTopic;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partitions can hold a channel's events, so a resume reads only those. Readings and alerts are
 * keyed by unit ID and catalog changes by org ID (shared-contracts' Topics), and producers use Kafka's
 * default partitioner: a unit's events are on one partition per topic, an org's catalog changes on one.
 * An org's or a site's readings and alerts may be on any partition.
 */
public final class ChannelSources {

    private ChannelSources() {
    }

    /** @param partitionCounts partitions of each source topic, as the broker reports them */
    public static Set<SourcePartition> of(OrgChannel channel, Map<SourceTopic, Integer> partitionCounts) {
        Set<SourcePartition> sources = new TreeSet<>();
        SourcePartition catalog = keyed(SourceTopic.CATALOG_CHANGES, channel.orgId(), partitionCounts);
        switch (channel.channel().kind()) {
            case ORG, SITE -> {
                all(SourceTopic.READINGS, partitionCounts, sources);
                all(SourceTopic.ALERTS, partitionCounts, sources);
                sources.add(catalog);
            }
            case UNIT -> {
                UUID unit = channel.channel().id();
                sources.add(keyed(SourceTopic.READINGS, unit, partitionCounts));
                sources.add(keyed(SourceTopic.ALERTS, unit, partitionCounts));
                sources.add(catalog);
            }
            case ALERTS -> all(SourceTopic.ALERTS, partitionCounts, sources);
            case CATALOG -> sources.add(catalog);
        }
        return sources;
    }

    /** Where Kafka's default partitioner puts a record with this key (murmur2 of the key's bytes). */
    static SourcePartition keyed(SourceTopic topic, UUID key, Map<SourceTopic, Integer> partitionCounts) {
        byte[] bytes = key.toString().getBytes(StandardCharsets.UTF_8);
        return new SourcePartition(topic, Utils.toPositive(Utils.murmur2(bytes)) % count(topic, partitionCounts));
    }

    private static void all(SourceTopic topic, Map<SourceTopic, Integer> partitionCounts, Set<SourcePartition> into) {
        for (int p = 0; p < count(topic, partitionCounts); p++) {
            into.add(new SourcePartition(topic, p));
        }
    }

    private static int count(SourceTopic topic, Map<SourceTopic, Integer> partitionCounts) {
        Integer count = partitionCounts.get(topic);
        if (count == null || count < 1) {
            throw new IllegalStateException("partitions of " + topic.topic() + " unknown");
        }
        return count;
    }
}
