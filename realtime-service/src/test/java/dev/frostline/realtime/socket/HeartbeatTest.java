package dev.frostline.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostline.contracts.Role;
import dev.frostline.realtime.socket.RawSocketClient.Frame;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats and the idle timeout, with both shortened (the profile below) so that a test waits seconds,
 * not the production 30 s and 90 s. The clients read frames on a raw socket, so whether a ping is answered
 * is up to the test, as it is up to a real peer that has vanished.
 */
@QuarkusTest
@TestProfile(HeartbeatTest.ShortHeartbeat.class)
class HeartbeatTest {

    static final Duration PING_INTERVAL = Duration.ofMillis(300);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);
    /** Long enough for any frame the server owes: the idle close comes at most a sweep after the timeout. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    public static class ShortHeartbeat implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.websockets-next.server.auto-ping-interval", PING_INTERVAL.toMillis() + "ms",
                    "frostline.realtime.idle-timeout", IDLE_TIMEOUT.toString());
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aClientThatAnswersNoPingIsClosedWith4002AfterTheIdleTimeout() throws Exception {
        try (RawSocketClient silent = RawSocketClient.connect(base, viewerToken())) {
            int pings = 0;
            Frame frame = silent.readFrame(PATIENCE);
            while (frame.opcode() != RawSocketClient.CLOSE) {
                if (frame.opcode() == RawSocketClient.PING) {
                    pings++;
                }
                frame = silent.readFrame(PATIENCE);
            }

            assertThat(frame.closeCode()).isEqualTo(4002);
            assertThat(frame.closeReason()).isEqualTo("idle timeout");
            // The server kept pinging while it waited for an answer.
            assertThat(pings).isPositive();
        }
    }

    @Test
    void aClientThatAnswersThePingsStaysOpenWellPastTheIdleTimeout() throws Exception {
        // Pings spanning twice the idle timeout, plus the sweeper's period (a quarter of it, at least 1 s).
        int pingsToOutlast = (int) ((2 * IDLE_TIMEOUT.toMillis() + 1000) / PING_INTERVAL.toMillis()) + 1;
        try (RawSocketClient answering = RawSocketClient.connect(base, viewerToken())) {
            int pings = 0;
            while (pings < pingsToOutlast) {
                Frame frame = answering.readFrame(PATIENCE);
                assertThat(frame.opcode()).as("a frame before the %d-th ping", pingsToOutlast)
                        .isNotEqualTo(RawSocketClient.CLOSE);
                if (frame.opcode() == RawSocketClient.PING) {
                    pings++;
                    answering.pong(frame.payload());
                }
            }

            // Still open, and still answering: a ping message gets its pong frame.
            answering.send("{\"type\":\"ping\"}");
            Frame frame = answering.readFrame(PATIENCE);
            while (frame.opcode() == RawSocketClient.PING) {
                answering.pong(frame.payload());
                frame = answering.readFrame(PATIENCE);
            }
            assertThat(frame.opcode()).isEqualTo(RawSocketClient.TEXT);
            assertThat(new String(frame.payload(), StandardCharsets.UTF_8)).contains("\"type\":\"pong\"");
        }
    }

    private static String viewerToken() {
        return TestTokens.token(UUID.randomUUID(), UUID.randomUUID(), Role.VIEWER);
    }
}
