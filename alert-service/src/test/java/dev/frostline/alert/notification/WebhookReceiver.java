package dev.frostline.alert.notification;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a free loopback port that records every request it gets and answers with
 * the status the test sets (200 by default). Each test starts its own, at its own URL.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: headers (case-insensitive names) and the raw body. */
    public record Received(Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start(Vertx vertx) {
        HttpServer server = vertx.createHttpServer();
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
            receiver.received.add(new Received(headers, body.toString()));
            request.response().setStatusCode(receiver.status).end();
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the webhook receiver", e);
        }
        return receiver;
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hooks/frostline";
    }

    /** The status every following request is answered with. */
    public void answer(int status) {
        this.status = status;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.close();
    }
}
