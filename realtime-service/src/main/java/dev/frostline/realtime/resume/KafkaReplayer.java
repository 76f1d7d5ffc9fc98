package dev.frostline.realtime.resume;

import dev.frostline.contracts.events.PlatformEvent;
import dev.frostline.realtime.channel.EventRouting;
import dev.frostline.realtime.channel.OrgChannel;
import dev.frostline.realtime.config.RealtimeConfig;
import dev.frostline.realtime.messaging.PlatformEventConsumer;
import dev.frostline.realtime.stream.EventId;
import dev.frostline.realtime.stream.SourcePartition;
import dev.frostline.realtime.stream.SourceTopic;
import dev.frostline.realtime.stream.StreamEvent;
import dev.frostline.support.messaging.AlertEventDeserializer;
import dev.frostline.support.messaging.CatalogChangedDeserializer;
import dev.frostline.support.messaging.TelemetryEventDeserializer;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads what a resuming subscription missed, from Kafka, with a short-lived consumer of its own (assigned
 * partitions, no group, nothing committed). The Kafka client blocks, so every replay runs on this class's
 * own small pool, never on an event loop; the pool's bounded queue is what a reconnect storm meets.
 */
@ApplicationScoped
public class KafkaReplayer {

    private static final Duration POLL = Duration.ofMillis(200);

    private final RealtimeConfig.Resume config;
    private final Object bootstrapServers;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger consumers = new AtomicInteger();
    private final Map<SourceTopic, Deserializer<? extends PlatformEvent>> deserializers = new EnumMap<>(SourceTopic.class);

    public KafkaReplayer(RealtimeConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config.resume();
        this.bootstrapServers = kafkaConfig.get("bootstrap.servers");
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(this.config.threads(), this.config.threads(), 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(this.config.queue()), task -> {
                    Thread thread = new Thread(task, "realtime-replay-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.pool.allowCoreThreadTimeOut(true);
        // The very deserializers of the live channels (application.properties), so a replayed event reads the same.
        deserializers.put(SourceTopic.READINGS, new TelemetryEventDeserializer());
        deserializers.put(SourceTopic.ALERTS, new AlertEventDeserializer());
        deserializers.put(SourceTopic.CATALOG_CHANGES, new CatalogChangedDeserializer());
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /**
     * Replays the channel after {@code last} on a replay thread, then hands the result to {@code then} on
     * that same thread (which may block, to pace its writes). Fails with RejectedExecutionException when the
     * queue is full.
     *
     * @param wanted false once nobody waits for the replay any more (the client left); it is then given up
     */
    public <T> CompletableFuture<T> replay(OrgChannel channel, EventId last, BooleanSupplier wanted,
            Function<Replay, T> then) {
        return CompletableFuture.supplyAsync(() -> then.apply(read(channel, last, wanted)), pool);
    }

    private Replay read(OrgChannel channel, EventId last, BooleanSupplier wanted) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            Map<SourceTopic, Integer> counts = new EnumMap<>(SourceTopic.class);
            for (SourceTopic source : SourceTopic.values()) {
                counts.put(source, consumer.partitionsFor(source.topic(), config.timeout()).size());
            }
            Set<SourcePartition> sources = ChannelSources.of(channel, counts);
            List<TopicPartition> partitions = sources.stream().map(KafkaReplayer::topicPartition).toList();
            // Taken after the subscription started buffering live events (the caller's order): the live
            // stream holds everything from these ends on, so the replay stops here.
            Map<SourcePartition, Long> ends = bySource(consumer.endOffsets(partitions, config.timeout()));
            Map<SourcePartition, Long> beginnings = bySource(consumer.beginningOffsets(partitions, config.timeout()));
            ReplayWindow.Refusal refusal = ReplayWindow.check(last, sources, beginnings, ends);
            if (refusal != null) {
                return new Replay.Refused(refusal);
            }
            Long timestamp = timestampOf(consumer, last, ends.get(last.partition()), deadline);
            if (timestamp == null) {
                return new Replay.Refused(ReplayWindow.Refusal.NOT_OF_THIS_CHANNEL);
            }
            ResumePoint point = new ResumePoint(last, timestamp);
            Map<SourcePartition, Long> starts = ReplayWindow.starts(point, sources,
                    offsetsAt(consumer, sources, last.partition(), timestamp), beginnings, ends);
            if (ReplayWindow.size(starts, ends) > config.maxRecords()) {
                return new Replay.Refused(ReplayWindow.Refusal.TOO_OLD);
            }
            Map<SourcePartition, List<StreamEvent>> events = readAll(consumer, channel, point, starts, ends, wanted,
                    deadline);
            return new Replay.Replayed(ReplayOrder.merge(events.values()), new ReplayedUpTo(ends));
        }
    }

    /** The timestamp of the client's last event: where the other partitions of the channel resume from. */
    private Long timestampOf(KafkaConsumer<byte[], byte[]> consumer, EventId last, long end, long deadline) {
        TopicPartition partition = topicPartition(last.partition());
        consumer.assign(List.of(partition));
        consumer.seek(partition, last.offset());
        while (consumer.position(partition) < end) {
            checkDeadline(deadline);
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                // The first record at or after the offset: the offset itself, unless it was a transaction marker.
                return record.timestamp();
            }
        }
        return null;
    }

    private static Map<SourcePartition, Long> offsetsAt(KafkaConsumer<byte[], byte[]> consumer,
            Set<SourcePartition> sources, SourcePartition own, long timestamp) {
        Map<TopicPartition, Long> query = new HashMap<>();
        for (SourcePartition source : sources) {
            if (!source.equals(own)) {
                query.put(topicPartition(source), timestamp);
            }
        }
        Map<SourcePartition, Long> offsets = new HashMap<>();
        if (query.isEmpty()) {
            return offsets;
        }
        for (Map.Entry<TopicPartition, OffsetAndTimestamp> found : consumer.offsetsForTimes(query).entrySet()) {
            if (found.getValue() != null) {
                offsets.put(sourceOf(found.getKey()), found.getValue().offset());
            }
        }
        return offsets;
    }

    private Map<SourcePartition, List<StreamEvent>> readAll(KafkaConsumer<byte[], byte[]> consumer, OrgChannel channel,
            ResumePoint point, Map<SourcePartition, Long> starts, Map<SourcePartition, Long> ends, BooleanSupplier wanted,
            long deadline) {
        Map<SourcePartition, List<StreamEvent>> events = new HashMap<>();
        List<TopicPartition> toRead = new ArrayList<>();
        for (Map.Entry<SourcePartition, Long> start : starts.entrySet()) {
            if (start.getValue() < ends.get(start.getKey())) {
                toRead.add(topicPartition(start.getKey()));
            }
        }
        consumer.assign(toRead);
        for (TopicPartition partition : toRead) {
            consumer.seek(partition, starts.get(sourceOf(partition)));
        }
        List<TopicPartition> reading = new ArrayList<>(toRead);
        while (!reading.isEmpty()) {
            checkDeadline(deadline);
            if (!wanted.getAsBoolean()) {
                throw new ReplayAbandonedException();
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                SourcePartition source = sourceOf(new TopicPartition(record.topic(), record.partition()));
                if (record.offset() >= ends.get(source)) {
                    continue;
                }
                PlatformEvent event = read(source.source(), record);
                if (event == null) {
                    continue;
                }
                StreamEvent streamEvent = PlatformEventConsumer.streamEvent(record, event);
                if (point.isFollowedBy(streamEvent.id(), streamEvent.timestamp())
                        && EventRouting.belongsTo(event, channel)) {
                    events.computeIfAbsent(source, ignored -> new ArrayList<>()).add(streamEvent);
                }
            }
            List<TopicPartition> done = reading.stream()
                    .filter(partition -> consumer.position(partition) >= ends.get(sourceOf(partition))).toList();
            // Paused, not unassigned: a partition read to its end fetches nothing more.
            consumer.pause(done);
            reading.removeAll(done);
        }
        return events;
    }

    private PlatformEvent read(SourceTopic source, ConsumerRecord<byte[], byte[]> record) {
        try {
            return deserializers.get(source).deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            // The live channel skips an unreadable record too (fail-on-deserialization-failure=false).
            Log.debugf("skipping unreadable record %s-%d@%d in a replay: %s", record.topic(), record.partition(),
                    record.offset(), e.toString());
            return null;
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> consumer = new HashMap<>();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        // Distinct IDs: the Kafka client registers an MBean per client ID and warns on a clash.
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "realtime-replay-" + consumers.incrementAndGet());
        return consumer;
    }

    private void checkDeadline(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(new TimeoutException("replay took longer than " + config.timeout()));
        }
    }

    private static Map<SourcePartition, Long> bySource(Map<TopicPartition, Long> offsets) {
        Map<SourcePartition, Long> bySource = new HashMap<>();
        offsets.forEach((partition, offset) -> bySource.put(sourceOf(partition), offset));
        return bySource;
    }

    private static TopicPartition topicPartition(SourcePartition source) {
        return new TopicPartition(source.source().topic(), source.partition());
    }

    private static SourcePartition sourceOf(TopicPartition partition) {
        return new SourcePartition(SourceTopic.ofTopic(partition.topic()), partition.partition());
    }

    /** The client left, or unsubscribed, while its replay ran. */
    public static final class ReplayAbandonedException extends RuntimeException {
        ReplayAbandonedException() {
            super("replay no longer wanted", null, false, false);
        }
    }
}
