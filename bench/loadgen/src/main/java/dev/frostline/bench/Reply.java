package dev.frostline.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;

/** A response read in full: status, ETag (null if none) and body. */
record Reply(int status, String etag, Buffer body) {

    boolean successful() {
        return status / 100 == 2;
    }

    /** Sends one request and reads the whole response; fails when no response comes. */
    static Future<Reply> send(HttpClient http, RequestOptions options, Buffer body) {
        return http.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(
                        read -> new Reply(response.statusCode(), response.getHeader(HttpHeaders.ETAG), read)));
    }
}
