package dev.frostline.gateway.security;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Work shared between requests (one JWKS fetch, one token exchange) completes on the context of
 * whichever request started it. Each waiter resumes on its own context instead, so a request's
 * handling never hops to another event loop.
 */
public final class CallerContext {

    private CallerContext() {
    }

    public static <T> Future<T> resumeOnCaller(Future<T> shared) {
        Context caller = Vertx.currentContext();
        if (caller == null) {
            return shared;
        }
        Promise<T> resumed = Promise.promise();
        shared.onComplete(done -> caller.runOnContext(v -> resumed.handle(done)));
        return resumed.future();
    }
}
