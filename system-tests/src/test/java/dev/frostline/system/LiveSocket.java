package dev.frostline.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** A WebSocket client on the gateway's /ws that records every JSON frame it receives. */
final class LiveSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    /** Completed when the socket ends: a close frame, or the connection failing (a killed server sends none). */
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private LiveSocket(WebSocket.Builder builder) throws Exception {
        this(builder, Gateway.webSocket());
    }

    private LiveSocket(WebSocket.Builder builder, URI uri) throws Exception {
        StringBuilder partial = new StringBuilder();
        this.socket = builder.connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        frames.add(JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException("server sent a non-JSON frame: " + partial, e);
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                ended.complete(null);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                ended.complete(null);
            }
        }).get(15, TimeUnit.SECONDS);
    }

    /** Connects straight to one replica's /ws (not through the gateway), with an Authorization header. */
    static LiveSocket atReplica(URI webSocket, String token) throws Exception {
        return new LiveSocket(HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token),
                webSocket);
    }

    /** Authenticates the way non-browser clients do: an Authorization header on the upgrade. */
    static LiveSocket withHeader(String token) throws Exception {
        return new LiveSocket(HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token));
    }

    /** Authenticates the way browsers must: the token rides in the bearer-token-carrier subprotocol. */
    static LiveSocket withSubprotocol(String token) throws Exception {
        String carried = "quarkus-http-upgrade#Authorization#"
                + URLEncoder.encode("Bearer " + token, StandardCharsets.UTF_8).replace("+", "%20");
        return new LiveSocket(HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("bearer-token-carrier", carried));
    }

    /** Subscribes to a channel (docs/realtime.md), with the channel as subscription id, and waits for the ack. */
    LiveSocket subscribed(String channel) {
        subscribe(channel, channel, null);
        awaitFrame(f -> "ack".equals(f.path("type").asText()) && channel.equals(f.path("id").asText()));
        return this;
    }

    /** Sends a subscribe (docs/realtime.md) without waiting for its answer; {@code lastEventId} may be null. */
    void subscribe(String id, String channel, String lastEventId) {
        ObjectNode message = JSON.createObjectNode().put("type", "subscribe").put("id", id).put("channel", channel);
        if (lastEventId != null) {
            message.put("lastEventId", lastEventId);
        }
        socket.sendText(message.toString(), true).join();
    }

    /** Whether the socket has ended, by a close frame or a broken connection. */
    boolean hasEnded() {
        return ended.isDone();
    }

    /** The event frames of one channel, in arrival order. */
    List<JsonNode> eventsOf(String channel) {
        return frames.stream().filter(f -> "event".equals(f.path("type").asText())
                && channel.equals(f.path("channel").asText())).toList();
    }

    JsonNode awaitFrame(Predicate<JsonNode> match) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> frames.stream().anyMatch(match));
        return frames.stream().filter(match).findFirst().orElseThrow();
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    int indexOf(JsonNode frame) {
        return frames.indexOf(frame);
    }

    static Predicate<JsonNode> event(String eventType, String field, String value) {
        return f -> "event".equals(f.path("type").asText()) && eventType.equals(f.path("eventType").asText())
                && value.equals(f.path("data").path(field).asText());
    }

    @Override
    public void close() {
        if (hasEnded()) {
            return;
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
