package dev.frostline.realtime.resume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.realtime.channel.Channel;
import dev.frostline.realtime.channel.OrgChannel;
import dev.frostline.realtime.stream.SourcePartition;
import dev.frostline.realtime.stream.SourceTopic;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class ChannelSourcesTest {

    private static final Map<SourceTopic, Integer> PARTITIONS = Map.of(SourceTopic.READINGS, 6, SourceTopic.ALERTS, 6,
            SourceTopic.CATALOG_CHANGES, 6);
    private final UUID org = UUID.randomUUID();
    private final UUID unit = UUID.randomUUID();

    @Test
    void aUnitsEventsAreOnThePartitionsItsKeysHashTo() {
        int unitPartition = producerPartition(unit, 6);
        int orgPartition = producerPartition(org, 6);

        assertThat(ChannelSources.of(new OrgChannel(org, Channel.unit(unit)), PARTITIONS)).containsExactlyInAnyOrder(
                new SourcePartition(SourceTopic.READINGS, unitPartition),
                new SourcePartition(SourceTopic.ALERTS, unitPartition),
                new SourcePartition(SourceTopic.CATALOG_CHANGES, orgPartition));
    }

    @Test
    void anOrgOrASiteSpansEveryReadingAndAlertPartitionAndItsOrgsCatalogPartition() {
        assertThat(ChannelSources.of(new OrgChannel(org, Channel.ORG), PARTITIONS)).hasSize(13);
        assertThat(ChannelSources.of(new OrgChannel(org, Channel.site(UUID.randomUUID())), PARTITIONS)).hasSize(13)
                .contains(new SourcePartition(SourceTopic.CATALOG_CHANGES, producerPartition(org, 6)));
    }

    @Test
    void alertsAndCatalogReadOnlyTheirTopic() {
        assertThat(ChannelSources.of(new OrgChannel(org, Channel.ALERTS), PARTITIONS))
                .hasSize(6).allMatch(p -> p.source() == SourceTopic.ALERTS);
        assertThat(ChannelSources.of(new OrgChannel(org, Channel.CATALOG), PARTITIONS))
                .containsExactly(new SourcePartition(SourceTopic.CATALOG_CHANGES, producerPartition(org, 6)));
    }

    /** What the Kafka producer itself does with a keyed record. */
    private static int producerPartition(UUID key, int partitions) {
        return BuiltInPartitioner.partitionForKey(key.toString().getBytes(StandardCharsets.UTF_8), partitions);
    }
}
