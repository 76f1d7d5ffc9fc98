package dev.frostline.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which headers cross the gateway. Hop-by-hop headers describe one connection and stop here
 * (RFC 9110 7.6.1), including any the sender lists in its {@code Connection} header; everything
 * else passes unchanged, {@code Authorization} included, because every service verifies the token
 * again.
 */
public final class ForwardedHeaders {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    public static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    public static final String FORWARDED_HOST = "X-Forwarded-Host";

    static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade", "host");

    /** Set up by each WebSocket client for its own handshake, never relayed. */
    static final Set<String> WEBSOCKET_HANDSHAKE = Set.of(
            "sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions", "sec-websocket-protocol",
            "sec-websocket-accept");

    private ForwardedHeaders() {
    }

    /** Where the original request came from, as the gateway saw it. */
    public record Origin(String clientAddress, String scheme, String host) {
    }

    /** Headers for the upstream request: the client's end-to-end headers plus forwarding information. */
    public static MultiMap toUpstream(MultiMap client, Origin origin, String requestId) {
        MultiMap upstream = endToEnd(client);
        // The gateway answers "100 Continue" itself once the upstream is connected.
        upstream.remove("Expect");
        addForwarding(upstream, client, origin, requestId);
        return upstream;
    }

    /** Headers for the realtime handshake: as {@link #toUpstream}, minus the handshake's own. */
    public static MultiMap toUpstreamWebSocket(MultiMap client, Origin origin, String requestId) {
        MultiMap upstream = endToEnd(client);
        WEBSOCKET_HANDSHAKE.forEach(upstream::remove);
        addForwarding(upstream, client, origin, requestId);
        return upstream;
    }

    /** Copies an upstream response's end-to-end headers onto the client response. */
    public static void toClient(MultiMap upstream, MultiMap client, String requestId) {
        client.addAll(endToEnd(upstream));
        client.set(REQUEST_ID, requestId);
    }

    static MultiMap endToEnd(MultiMap headers) {
        Set<String> dropped = new HashSet<>(HOP_BY_HOP);
        for (String connection : headers.getAll("Connection")) {
            for (String token : connection.split(",")) {
                dropped.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        MultiMap kept = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!dropped.contains(name) && !name.startsWith("proxy-")) {
                kept.add(header.getKey(), header.getValue());
            }
        }
        return kept;
    }

    private static void addForwarding(MultiMap upstream, MultiMap client, Origin origin, String requestId) {
        // Appended, as every proxy on the way does; services trust only what they know the hops to be.
        String priorHops = String.join(", ", client.getAll(FORWARDED_FOR));
        upstream.set(FORWARDED_FOR, priorHops.isBlank() ? origin.clientAddress() : priorHops + ", " + origin.clientAddress());
        upstream.set(FORWARDED_PROTO, origin.scheme());
        if (origin.host() != null) {
            upstream.set(FORWARDED_HOST, origin.host());
        }
        upstream.set(REQUEST_ID, requestId);
    }
}
