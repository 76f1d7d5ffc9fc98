package dev.frostline.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** One client's request of {@link FixedRequests}: to the phase's target URL, recorded in the series named as the target. */
final class FixedRequest implements Step {

    private final HttpClient http;
    private final HttpMethod method;
    private final MultiMap headers;
    private final Buffer body;
    private final long requestTimeoutMillis;

    FixedRequest(HttpClient http, HttpMethod method, MultiMap headers, Buffer body, long requestTimeoutMillis) {
        this.http = http;
        this.method = method;
        this.headers = headers;
        this.body = body;
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    @Override
    public Future<Void> run(Phase phase) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(phase.target.url())
                .setHeaders(headers)
                .setIdleTimeout(requestTimeoutMillis);
        long started = System.nanoTime();
        return Reply.send(http, options, body).andThen(outcome -> record(phase, started, outcome)).mapEmpty();
    }

    private static void record(Phase phase, long started, AsyncResult<Reply> outcome) {
        long ended = System.nanoTime();
        String series = phase.target.name();
        if (outcome.failed()) {
            phase.error(series, outcome.cause().getClass().getSimpleName(), ended);
        } else if (outcome.result().successful()) {
            phase.success(series, started, ended);
        } else {
            phase.error(series, String.valueOf(outcome.result().status()), ended);
        }
    }
}
