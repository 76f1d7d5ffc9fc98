package dev.frostline.gateway.proxy;

import io.quarkus.logging.Log;

/**
 * One line per exchange, under its own category ({@code dev.frostline.gateway.proxy.AccessLog}) so
 * operators can quiet it without losing the gateway's warnings.
 */
public final class AccessLog {

    private AccessLog() {
    }

    public static void exchange(String method, String path, String area, int status, long startedNanos,
            boolean complete, String requestId) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        // Concatenated, not printf-formatted: this runs on the event loop once per request, and a
        // Formatter was a measurable share of the gateway's CPU under load.
        Log.info(method + ' ' + path + " -> " + area + ' ' + status + (complete ? "" : " (interrupted)") + ' '
                + millis + "ms requestId=" + requestId);
    }

    public static void webSocket(String event, String path, String requestId, String detail) {
        Log.infof("WS %s %s %s requestId=%s", event, path, detail, requestId);
    }
}
