package dev.frostline.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import java.util.List;

/** The {@code http} command: every client sends the same request to the target, again and again. One series per target. */
final class FixedRequests implements Workload {

    private final HttpMethod method;
    private final ClientTemplates templates;
    private final String body;
    private final long requestTimeoutMillis;

    /** @param body a template as the headers are, or null for none */
    FixedRequests(HttpMethod method, ClientTemplates templates, String body, long requestTimeoutMillis) {
        this.method = method;
        this.templates = templates;
        this.body = body;
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    @Override
    public List<String> series(Target target) {
        return List.of(target.name());
    }

    @Override
    public Step stepFor(int client, HttpClient http) {
        Buffer filledBody = body == null ? null : Buffer.buffer(templates.fill(body, client));
        return new FixedRequest(http, method, templates.headers(client), filledBody, requestTimeoutMillis);
    }
}
