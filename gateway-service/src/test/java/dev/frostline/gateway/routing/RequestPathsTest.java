package dev.frostline.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestPathsTest {

    @Test
    void ordinaryPathsAreForwardable() {
        assertThat(RequestPaths.isForwardable("/api/catalog/sites/7f9e")).isTrue();
        assertThat(RequestPaths.isForwardable("/api/storage/files/report%20v1.pdf")).isTrue();
        assertThat(RequestPaths.isForwardable("/api/catalog/units/a.b..c")).isTrue();
        assertThat(RequestPaths.isForwardable("/api/catalog/")).isTrue();
    }

    @Test
    void dotSegmentsPlainOrEncodedAreNot() {
        assertThat(RequestPaths.isForwardable("/api/telemetry/../catalog")).isFalse();
        assertThat(RequestPaths.isForwardable("/api/telemetry/./readings")).isFalse();
        assertThat(RequestPaths.isForwardable("/api/telemetry/%2e%2e/catalog")).isFalse();
        assertThat(RequestPaths.isForwardable("/api/telemetry/.%2E/catalog")).isFalse();
        assertThat(RequestPaths.isForwardable("/api/telemetry/..")).isFalse();
    }

    @Test
    void encodedSeparatorsAndBrokenEscapesAreNot() {
        assertThat(RequestPaths.isForwardable("/api/telemetry/readings%2F..%2Fcatalog")).isFalse();
        assertThat(RequestPaths.isForwardable("/api/telemetry/a%5Cb")).isFalse();
        assertThat(RequestPaths.isForwardable("/api/telemetry/%zz")).isFalse();
        assertThat(RequestPaths.isForwardable("api/catalog")).isFalse();
    }
}
