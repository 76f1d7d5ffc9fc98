package dev.frostline.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The limit realtime's fan-out is compared against (bench/realtime.sh): a bare Vert.x WebSocket server
 * fed by a bare Kafka consumer of the same readings topic. No authentication, no authorization, no
 * metrics, no audit, no resume: it answers the same welcome and subscribe messages, routes each reading to
 * its {@code unit:} and {@code site:} channels, builds the same frame once per channel and writes it to
 * every subscriber, closing one whose write queue is full (as realtime does with 4008).
 * One verticle per event loop, each owning the connections it accepted, so the only cross-thread step is
 * handing each polled batch to every event loop once.
 */
final class RealtimeBaselineServer {

    private static final String READINGS_TOPIC = "frostline.telemetry.readings.v1";

    private RealtimeBaselineServer() {
    }

    static void run(int port, String kafkaBootstrap, int eventLoops) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        List<FanoutVerticle> verticles = new CopyOnWriteArrayList<>();
        CountDownLatch deployed = new CountDownLatch(1);
        vertx.deployVerticle(() -> {
            FanoutVerticle verticle = new FanoutVerticle(port);
            verticles.add(verticle);
            return verticle;
        }, new DeploymentOptions().setInstances(eventLoops)).onComplete(done -> {
            if (done.failed()) {
                done.cause().printStackTrace();
                System.exit(1);
            }
            deployed.countDown();
        });
        deployed.await();
        System.err.printf("baseline: listening on %d with %d event loops%n", port, eventLoops);
        consume(kafkaBootstrap, verticles);
    }

    /** Polls the readings topic from its end, forever, and hands each batch's frames to every event loop. */
    private static void consume(String bootstrap, List<FanoutVerticle> verticles) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // As realtime reads it: only committed ingest transactions.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(READINGS_TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            System.err.printf("baseline: consuming %d partitions of %s%n", partitions.size(), READINGS_TOPIC);
            while (true) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                List<String[]> frames = new ArrayList<>();
                for (ConsumerRecord<String, String> record : records) {
                    JsonObject reading = new JsonObject(record.value());
                    String eventId = "r-" + record.partition() + "-" + record.offset();
                    for (String channel : List.of("unit:" + reading.getString("unitId"), "site:" + reading.getString("siteId"))) {
                        frames.add(new String[] {channel, "{\"type\":\"event\",\"channel\":\"" + channel
                                + "\",\"eventType\":\"reading.recorded\",\"eventId\":\"" + eventId + "\",\"orgId\":\""
                                + reading.getString("orgId") + "\",\"data\":" + record.value() + "}"});
                    }
                }
                for (FanoutVerticle verticle : verticles) {
                    verticle.context().runOnContext(ignored -> verticle.deliver(frames));
                }
            }
        }
    }

    private static final class FanoutVerticle extends AbstractVerticle {
        private final int port;
        /** Touched only on this verticle's event loop. */
        private final Map<String, List<ServerWebSocket>> byChannel = new HashMap<>();

        FanoutVerticle(int port) {
            this.port = port;
        }

        Context context() {
            return context;
        }

        @Override
        public void start(io.vertx.core.Promise<Void> started) {
            vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("0.0.0.0").setAcceptBacklog(8192))
                    .webSocketHandler(this::accept)
                    .listen()
                    .<Void>mapEmpty()
                    .onComplete(started);
        }

        private void accept(ServerWebSocket socket) {
            List<String> channels = new ArrayList<>();
            socket.writeTextMessage("{\"type\":\"welcome\"}");
            socket.textMessageHandler(text -> {
                JsonObject message = new JsonObject(text);
                if ("subscribe".equals(message.getString("type"))) {
                    String channel = message.getString("channel");
                    byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(socket);
                    channels.add(channel);
                    socket.writeTextMessage(new JsonObject().put("type", "ack").put("id", message.getString("id")).encode());
                } else if ("ping".equals(message.getString("type"))) {
                    socket.writeTextMessage("{\"type\":\"pong\"}");
                }
            });
            socket.closeHandler(ignored -> {
                for (String channel : channels) {
                    List<ServerWebSocket> subscribers = byChannel.get(channel);
                    if (subscribers != null) {
                        subscribers.remove(socket);
                    }
                }
            });
        }

        void deliver(List<String[]> frames) {
            for (String[] frame : frames) {
                List<ServerWebSocket> subscribers = byChannel.get(frame[0]);
                if (subscribers == null) {
                    continue;
                }
                for (int i = 0; i < subscribers.size(); i++) {
                    ServerWebSocket socket = subscribers.get(i);
                    if (socket.writeQueueFull()) {
                        socket.close((short) 4008, "slow consumer");
                    } else {
                        socket.writeTextMessage(frame[1]);
                    }
                }
            }
        }
    }
}
