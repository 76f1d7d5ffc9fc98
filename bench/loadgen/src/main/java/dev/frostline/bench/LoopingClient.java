package dev.frostline.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * One closed-loop client: it sends its next request only when the previous response has been read
 * in full, so the offered load follows the server (no coordinated-omission queue builds up in the
 * generator, and the latencies are those a real waiting caller sees).
 */
final class LoopingClient {

    private final HttpClient http;
    private final Context context;
    private final HttpMethod method;
    private final MultiMap headers;
    private final Buffer body;
    private final long requestTimeoutMillis;

    LoopingClient(HttpClient http, Context context, HttpMethod method, MultiMap headers, Buffer body,
            long requestTimeoutMillis) {
        this.http = http;
        this.context = context;
        this.method = method;
        this.headers = headers;
        this.body = body;
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    /** Loops on this client's own event loop until the phase stops. */
    void runIn(Phase phase) {
        context.runOnContext(ignored -> next(phase));
    }

    private void next(Phase phase) {
        if (phase.stopped()) {
            phase.drainedOne();
            return;
        }
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(phase.target.url())
                .setHeaders(headers)
                .setIdleTimeout(requestTimeoutMillis);
        long started = System.nanoTime();
        http.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(outcome -> {
                    record(phase, started, outcome);
                    if (outcome.failed()) {
                        // A failure can complete synchronously; going through the task queue keeps
                        // a refused connection from turning this loop into deep recursion.
                        context.runOnContext(ignored -> next(phase));
                    } else {
                        next(phase);
                    }
                });
    }

    private static void record(Phase phase, long started, AsyncResult<Integer> outcome) {
        long ended = System.nanoTime();
        if (outcome.failed()) {
            phase.error(outcome.cause().getClass().getSimpleName(), ended);
        } else if (outcome.result() / 100 == 2) {
            phase.success(started, ended);
        } else {
            phase.error(String.valueOf(outcome.result()), ended);
        }
    }
}
