package dev.frostline.gateway.stubs;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for the six services, on random ports of a Vert.x instance of their own. The real
 * services are not running in this module's tests and are not what is under test here: the
 * gateway's routing, streaming, edge authentication and error mapping are. Tests talk to the
 * stubs only over HTTP (each echo answer describes the request it received).
 *
 * <p>Identity's stub also serves the test JWKS of test-support, which the gateway is pointed at.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    public static final List<String> HTTP_AREAS = List.of("identity", "catalog", "telemetry", "alert", "storage");

    private Vertx vertx;

    /** Areas whose upstream URL points at a closed port instead of a stub. */
    protected Set<String> unreachable() {
        return Set.of();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        String jwks = resource("frostline-test-jwks.json");
        for (String area : HTTP_AREAS) {
            EchoUpstream echo = new EchoUpstream(area, jwks);
            int port = listen(vertx.createHttpServer()
                    .requestHandler(area.equals("identity") ? new IdentityStub(echo) : echo));
            config.put("frostline.gateway.upstream." + area, url(area, port));
            config.put("test.stub." + area, "http://127.0.0.1:" + port);
            if (area.equals("identity")) {
                // The JWKS stays reachable even when the identity upstream is configured as down.
                config.put("mp.jwt.verify.publickey.location",
                        "http://127.0.0.1:" + port + EchoUpstream.JWKS_PATH);
            }
        }
        RealtimeStub realtime = new RealtimeStub();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setWebSocketSubProtocols(List.of(RealtimeStub.SUBPROTOCOL)))
                .webSocketHandler(realtime::accept)
                .requestHandler(realtime::http);
        int realtimePort = listen(server);
        config.put("frostline.gateway.upstream.realtime", url("realtime", realtimePort));
        config.put("test.stub.realtime", "http://127.0.0.1:" + realtimePort);
        return config;
    }

    private String url(String area, int port) {
        return "http://127.0.0.1:" + (unreachable().contains(area) ? closedPort() : port);
    }

    private static int listen(HttpServer server) {
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("stub upstream did not start", e);
        }
    }

    /** A port nothing listens on: bound once by the OS, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = UpstreamStubs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
