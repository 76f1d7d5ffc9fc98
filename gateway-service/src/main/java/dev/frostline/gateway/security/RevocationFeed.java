package dev.frostline.gateway.security;

import dev.frostline.gateway.config.GatewayConfig;
import dev.frostline.gateway.proxy.UpstreamClients;
import dev.frostline.gateway.routing.Area;
import dev.frostline.gateway.security.RevocationList.Revocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps {@link RevocationList} up to date from identity's revocation feed, so that tokens of
 * deleted users stop working at the edge within a poll interval instead of living until they expire.
 *
 * <p>The first poll asks for everything still relevant, later ones for what is new since the last
 * answer (minus an overlap). An unreachable feed never blocks traffic nor makes the gateway unready:
 * what is known stays in force, a warning is logged (at most once a minute) and polling goes on.
 */
@ApplicationScoped
public class RevocationFeed {

    public static final String PATH = "/internal/identity/revocations";
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    private final Vertx vertx;
    private final UpstreamClients clients;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final RevocationList revoked;

    private volatile Instant since;
    private volatile Instant lastPolled;
    private volatile boolean stopped;
    private long timer = -1;
    private long lastWarningNanos;
    private int failuresSinceWarning;

    public RevocationFeed(Vertx vertx, UpstreamClients clients, GatewayConfig config, ObjectMapper json,
            JWTAuthContextInfo jwtConfig) {
        this.vertx = vertx;
        this.clients = clients;
        this.config = config;
        this.json = json;
        // A revoked token is unexpired at most max-lifetime (+ skew) after it was issued.
        this.revoked = new RevocationList(config.accessTokens().maxLifetime().plusSeconds(jwtConfig.getClockSkew()));
    }

    void start(@Observes StartupEvent started) {
        if (config.internalToken().isEmpty()) {
            Log.info("FROSTLINE_INTERNAL_TOKEN is not set: revocation polling is off; tokens of deleted users "
                    + "are refused by the services only, and pass the edge until they expire");
            return;
        }
        Log.infof("polling identity's revocation feed every %s", config.revocations().pollInterval());
        poll();
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopped = true;
        synchronized (this) {
            vertx.cancelTimer(timer);
        }
    }

    public boolean isRevoked(String subject, Instant issuedAt) {
        return revoked.isRevoked(subject, issuedAt);
    }

    public Optional<Instant> lastPolled() {
        return Optional.ofNullable(lastPolled);
    }

    private void poll() {
        fetch().onComplete(done -> {
            if (done.succeeded()) {
                succeeded();
            } else {
                failed(done.cause());
            }
            revoked.prune(Instant.now());
            schedule();
        });
    }

    private synchronized void schedule() {
        if (!stopped) {
            timer = vertx.setTimer(config.revocations().pollInterval().toMillis(), id -> poll());
        }
    }

    private Future<Void> fetch() {
        Instant from = since;
        String query = from == null ? "" : "?since=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8);
        RequestOptions request = clients.call(Area.IDENTITY, PATH + query)
                .setMethod(HttpMethod.GET)
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + config.internalToken().orElseThrow())
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        return clients.http().request(request)
                .compose(sent -> sent.send())
                .compose(UpstreamClients::bodyIfOk)
                .map(body -> {
                    Page page = parse(body.toString(), json);
                    revoked.addAll(page.revocations());
                    since = page.asOf().minus(config.revocations().overlap());
                    lastPolled = Instant.now();
                    return null;
                });
    }

    private synchronized void succeeded() {
        if (failuresSinceWarning > 0 || lastWarningNanos != 0) {
            Log.infof("identity's revocation feed answers again (%d revocation(s) known)", revoked.size());
        }
        failuresSinceWarning = 0;
        lastWarningNanos = 0;
    }

    private synchronized void failed(Throwable cause) {
        failuresSinceWarning++;
        long now = System.nanoTime();
        if (lastWarningNanos == 0 || now - lastWarningNanos >= WARNING_INTERVAL.toNanos()) {
            Log.warnf("identity's revocation feed failed %d time(s) (last: %s); the %d revocation(s) known stay in force",
                    failuresSinceWarning, cause.getMessage(), revoked.size());
            lastWarningNanos = now;
            failuresSinceWarning = 0;
        }
    }

    /** One answer of the feed. */
    record Page(Instant asOf, List<Revocation> revocations) {
    }

    static Page parse(String body, ObjectMapper json) {
        try {
            JsonNode root = json.readTree(body);
            Instant asOf = Instant.parse(root.path("asOf").asText());
            List<Revocation> revocations = new ArrayList<>();
            for (JsonNode entry : root.path("revocations")) {
                String subject = entry.path("subject").asText(null);
                if (subject == null || subject.isEmpty()) {
                    throw new IllegalStateException("a revocation without subject");
                }
                revocations.add(new Revocation(subject, Instant.parse(entry.path("revokedBefore").asText())));
            }
            return new Page(asOf, revocations);
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalStateException("the revocation feed's answer is not understood: " + e.getMessage(), e);
        }
    }
}
