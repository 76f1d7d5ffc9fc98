package dev.frostline.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

    static final ForwardedHeaders.Origin ORIGIN = new ForwardedHeaders.Origin("203.0.113.9", "https", "api.example.com");

    @Test
    void hopByHopHeadersStopAtTheGateway() {
        MultiMap client = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive, X-Session-Hint")
                .add("X-Session-Hint", "per-connection")
                .add("Keep-Alive", "timeout=5")
                .add("Proxy-Authorization", "Basic c2VjcmV0")
                .add("Proxy-Connection", "keep-alive")
                .add("TE", "trailers")
                .add("Trailer", "Expires")
                .add("Transfer-Encoding", "chunked")
                .add("Upgrade", "h2c")
                .add("Host", "api.example.com")
                .add("Expect", "100-continue")
                .add("Authorization", "Bearer t")
                .add("Content-Type", "application/json")
                .add("Accept", "application/json")
                .add("Set-Cookie", "a=1")
                .add("Set-Cookie", "b=2");

        MultiMap upstream = ForwardedHeaders.toUpstream(client, ORIGIN, "req-1");

        assertThat(upstream.names()).containsExactlyInAnyOrder("Authorization", "Content-Type", "Accept", "Set-Cookie",
                "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Request-Id");
        assertThat(upstream.getAll("Set-Cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void forwardingHeadersDescribeTheClientAndAppendToEarlierHops() {
        MultiMap client = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-For", "198.51.100.1");

        MultiMap upstream = ForwardedHeaders.toUpstream(client, ORIGIN, "req-2");

        assertThat(upstream.get("X-Forwarded-For")).isEqualTo("198.51.100.1, 203.0.113.9");
        assertThat(upstream.get("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(upstream.get("X-Forwarded-Host")).isEqualTo("api.example.com");
        assertThat(upstream.get("X-Request-Id")).isEqualTo("req-2");
    }

    @Test
    void webSocketHandshakeHeadersAreLeftToTheRealtimeClient() {
        MultiMap client = MultiMap.caseInsensitiveMultiMap()
                .add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .add("Sec-WebSocket-Version", "13")
                .add("Sec-WebSocket-Extensions", "permessage-deflate")
                .add("Sec-WebSocket-Protocol", "bearer-token-carrier")
                .add("Origin", "https://app.example.com")
                .add("Authorization", "Bearer t");

        MultiMap upstream = ForwardedHeaders.toUpstreamWebSocket(client, ORIGIN, "req-3");

        assertThat(upstream.get("Origin")).isEqualTo("https://app.example.com");
        assertThat(upstream.get("Authorization")).isEqualTo("Bearer t");
        assertThat(upstream.names()).noneMatch(name -> name.toLowerCase().startsWith("sec-websocket"));
    }

    @Test
    void upstreamResponseLosesHopByHopHeadersAndCarriesTheRequestId() {
        MultiMap response = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "X-Internal")
                .add("X-Internal", "1")
                .add("Transfer-Encoding", "chunked")
                .add("Content-Type", "text/csv")
                .add("X-Request-Id", "upstream-own-id");
        MultiMap client = MultiMap.caseInsensitiveMultiMap();

        ForwardedHeaders.toClient(response, client, "req-4");

        assertThat(client.names()).containsExactlyInAnyOrder("Content-Type", "X-Request-Id");
        assertThat(client.getAll("X-Request-Id")).containsExactly("req-4");
    }
}
