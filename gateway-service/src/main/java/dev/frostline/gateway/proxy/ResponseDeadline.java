package dev.frostline.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;

/**
 * How long the proxy waits, once the request is sent, for the head of the upstream's response.
 *
 * <p>Kept by the proxy rather than left to the request's idle timeout because Vert.x reports an
 * expired idle timeout sometimes as a {@code TimeoutException} and sometimes as the connection it
 * closes ("Connection was closed"), and the proxy must tell a silent upstream (504) from one that
 * hung up (502) every time. And not the request's idle timeout as well: Vert.x (4.5) cancels that
 * timer only when the response head arrives, so one armed after the head (an upstream may answer
 * before the upload is out, which is when the wait starts) outlives the exchange and closes the
 * pooled connection under whichever request uses it next: a 502 for a request the upstream may
 * have served ({@code GatewayRoutingTest.anAnswerBeforeTheUploadEndsLeavesThePooledConnectionHealthy}).
 * One instance per exchange, used on the exchange's event loop only.
 */
final class ResponseDeadline {

    private final Vertx vertx;
    private final HttpClientRequest upstream;
    private final long millis;
    private long timer = -1;
    private boolean expired;
    private boolean settled;

    ResponseDeadline(Vertx vertx, HttpClientRequest upstream, long millis) {
        this.vertx = vertx;
        this.upstream = upstream;
        this.millis = millis;
    }

    /** Starts the wait; the request has been sent in full. */
    void start() {
        if (settled || timer >= 0) {
            return;
        }
        timer = vertx.setTimer(millis, id -> {
            if (!settled) {
                expired = true;
                settled = true;
                upstream.reset();
            }
        });
    }

    /**
     * The response head arrived or the exchange failed: the wait is over. Returns whether it
     * ended because the deadline passed.
     */
    boolean settle() {
        if (!settled) {
            settled = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
        }
        return expired;
    }
}
