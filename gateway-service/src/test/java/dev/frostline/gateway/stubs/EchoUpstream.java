package dev.frostline.gateway.stubs;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service stand-in that answers every request with a description of what it received: area,
 * method, path, query, headers, and the body's length and SHA-256 (read as a stream, never held).
 * A few paths behave differently:
 * <ul>
 * <li>{@code .../echo-status/<code>}: answers that status with a Location header;</li>
 * <li>{@code .../slow}: never answers;</li>
 * <li>{@code .../hang-up}: closes the connection without answering;</li>
 * <li>{@code .../answer-early}: answers 200 as soon as the head is in, then reads the body;</li>
 * <li>{@code .../delayed?millis=<n>}: the echo answer, n ms late;</li>
 * <li>{@code .../download?bytes=<n>}: streams n bytes back, chunked;</li>
 * <li>{@code /stub/requests}: how many /api requests this stub has received;</li>
 * <li>{@code /q/openapi}: a small OpenAPI document of the area (see {@link #openApi});</li>
 * <li>identity only: the test JWKS, a liveness endpoint, and how often the JWKS was fetched.</li>
 * </ul>
 */
final class EchoUpstream implements Handler<HttpServerRequest> {

    static final String JWKS_PATH = "/.well-known/jwks.json";

    private final String area;
    /** What identity publishes; identity's stub may replace it to simulate a key rotation. */
    private volatile String jwks;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();

    EchoUpstream(String area, String jwks) {
        this.area = area;
        this.jwks = jwks;
    }

    void publishJwks(String jwks) {
        this.jwks = jwks;
    }

    @Override
    public void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response().putHeader("X-Upstream-Area", area);
        String path = request.path();
        if (area.equals("identity") && path.equals(JWKS_PATH) && request.getHeader("X-Request-Id") == null) {
            // Fetched by the gateway itself (proxied requests always carry an X-Request-Id).
            jwksFetches.incrementAndGet();
        }
        if (area.equals("identity") && path.equals(JWKS_PATH)) {
            response.putHeader("Content-Type", "application/json").end(jwks);
            return;
        }
        if (area.equals("identity") && path.equals("/stub/jwks-fetches")) {
            response.end(String.valueOf(jwksFetches.get()));
            return;
        }
        if (path.equals("/stub/requests")) {
            response.end(String.valueOf(received.get()));
            return;
        }
        if (path.startsWith("/api/")) {
            received.incrementAndGet();
        }
        if (path.equals("/q/openapi")) {
            response.putHeader("Content-Type", "application/json").end(openApi(area).encode());
            return;
        }
        if (path.equals("/q/health/live")) {
            response.putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            return;
        }
        if (path.endsWith("/slow")) {
            return;
        }
        if (path.endsWith("/hang-up")) {
            request.connection().close();
            return;
        }
        if (path.endsWith("/answer-early")) {
            // As a service refusing or accepting a request from its head alone does: the response
            // head reaches the gateway while the gateway is still sending the body.
            request.handler(chunk -> { });
            request.response().end("early");
            return;
        }
        if (path.endsWith("/delayed")) {
            // Paused so that the end of the request is still to come when the echo starts listening.
            request.pause();
            Vertx.currentContext().owner().setTimer(Long.parseLong(request.getParam("millis")), id -> {
                echo(request);
                request.resume();
            });
            return;
        }
        if (path.endsWith("/download")) {
            download(request, Long.parseLong(request.getParam("bytes")));
            return;
        }
        echo(request);
    }

    /**
     * A small OpenAPI document: one path under the area's prefix returning a "Thing" (whose shape
     * differs per area: a name clash), plus a "Problem" that all areas define alike.
     */
    static JsonObject openApi(String area) {
        String prefix = area.equals("alert") ? "alerts" : area;
        JsonObject thingRef = new JsonObject().put("$ref", "#/components/schemas/Thing");
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", area + "-service").put("version", "0.1.0"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", area)))
                .put("paths", new JsonObject().put("/api/" + prefix + "/things", new JsonObject()
                        .put("get", new JsonObject()
                                .put("tags", new JsonArray().add(area))
                                .put("security", new JsonArray().add(new JsonObject().put("SecurityScheme", new JsonArray())))
                                .put("responses", new JsonObject().put("200", new JsonObject()
                                        .put("description", "OK")
                                        .put("content", new JsonObject().put("application/json",
                                                new JsonObject().put("schema", new JsonObject()
                                                        .put("type", "array").put("items", thingRef)))))))))
                .put("components", new JsonObject()
                        .put("schemas", new JsonObject()
                                .put("Thing", new JsonObject().put("type", "object").put("properties",
                                        new JsonObject().put(area + "Field", new JsonObject().put("type", "string"))))
                                .put("Problem", new JsonObject().put("type", "object").put("properties",
                                        new JsonObject().put("type", new JsonObject().put("type", "string")))))
                        .put("securitySchemes", new JsonObject().put("SecurityScheme", new JsonObject()
                                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))));
    }

    private void echo(HttpServerRequest request) {
        MessageDigest sha256 = sha256();
        long[] length = new long[1];
        Buffer start = Buffer.buffer();
        request.handler(chunk -> {
            sha256.update(chunk.getBytes());
            length[0] += chunk.length();
            if (start.length() < 4096) {
                start.appendBuffer(chunk);
            }
        });
        request.endHandler(ended -> {
            JsonObject received = new JsonObject()
                    .put("area", area)
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers(request.headers()))
                    .put("bodyLength", length[0])
                    .put("bodySha256", HexFormat.of().formatHex(sha256.digest()))
                    .put("bodyStart", start.toString());
            HttpServerResponse response = request.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Stub-Hop", "must not reach the client")
                    .putHeader("Connection", "X-Stub-Hop");
            String[] segments = request.path().split("/");
            if (segments.length >= 2 && segments[segments.length - 2].equals("echo-status")) {
                response.setStatusCode(Integer.parseInt(segments[segments.length - 1]))
                        .putHeader("Location", request.path() + "/created-1");
            }
            response.end(received.encode());
        });
    }

    private static void download(HttpServerRequest request, long bytes) {
        HttpServerResponse response = request.response().setChunked(true)
                .putHeader("Content-Type", "application/octet-stream");
        Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
        long remaining = bytes;
        while (remaining > 0) {
            int size = (int) Math.min(remaining, chunk.length());
            response.write(size == chunk.length() ? chunk : chunk.getBuffer(0, size));
            remaining -= size;
        }
        response.end();
    }

    private static JsonObject headers(MultiMap headers) {
        JsonObject all = new JsonObject();
        for (String name : headers.names()) {
            all.put(name.toLowerCase(Locale.ROOT), new JsonArray(headers.getAll(name)));
        }
        return all;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
