package dev.frostline.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fan-out writes frames straight to Vert.x only while websockets-next keeps its connection's
 * WebSocket where {@link FrameSinks} looks for it. The fallback is correct but slow, so a Quarkus upgrade
 * that moves it must fail here rather than in the next benchmark.
 */
class FrameSinksTest {

    @Test
    void thisQuarkusLetsFramesBeWrittenStraightToTheVertxWebSocket() {
        assertThat(FrameSinks.writeDirectly()).isTrue();
    }
}
