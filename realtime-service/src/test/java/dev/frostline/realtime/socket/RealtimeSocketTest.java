package dev.frostline.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.events.AlertOpened;
import dev.frostline.contracts.events.ReadingRecorded;
import dev.frostline.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.core.http.UpgradeRejectedException;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RealtimeSocketTest {

    /**
     * Every record of these tests goes to this partition, so records are consumed in the order they were
     * produced: once a later record has arrived, an earlier one has been through the fan-out too.
     */
    private static final int PARTITION = 0;

    @TestHTTPResource("/")
    URI base;

    @Inject
    ObjectMapper mapper;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SocketDrain drain;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private TestPlatform platform;

    @BeforeEach
    void startProducerAndAwaitConsumers() {
        platform = new TestPlatform(bootstrap, mapper, dataSource);
        platform.awaitConsumersReady(base);
    }

    @AfterEach
    void closeProducer() {
        platform.close();
    }

    @Test
    void upgradeWithoutATokenIsRefusedWith401() {
        assertThatThrownBy(() -> FrameCollector.connect(FrameCollector.connector(base)))
                .satisfies(failure -> assertThat(upgradeStatusOf(failure)).isEqualTo(401));
    }

    @Test
    void upgradeWithAGarbageTokenIsRefusedWith401() {
        assertThatThrownBy(() -> FrameCollector.withHeader(base, "not-a-jwt"))
                .satisfies(failure -> assertThat(upgradeStatusOf(failure)).isEqualTo(401));
    }

    @Test
    void upgradeWithAForgedSignatureIsRefusedWith401() {
        String token = TestTokens.newOrgToken(Role.VIEWER);
        String[] parts = token.split("\\.");
        // Genuine header and claims under the signature of another token: verification must fail.
        String forged = parts[0] + "." + parts[1] + "." + TestTokens.newOrgToken(Role.VIEWER).split("\\.")[2];

        assertThatThrownBy(() -> FrameCollector.withHeader(base, forged))
                .satisfies(failure -> assertThat(upgradeStatusOf(failure)).isEqualTo(401));
    }

    @Test
    void upgradeWithAValidTokenThatNamesNoOrgIsRefusedWith401() throws Exception {
        String token;
        try (InputStream pem = getClass().getClassLoader().getResourceAsStream("frostline-test-private-key.pem")) {
            token = Jwt.issuer(TestTokens.ISSUER)
                    .audience(TestTokens.AUDIENCE)
                    .subject(UUID.randomUUID().toString())
                    .claim("role", Role.VIEWER.claimValue())
                    .expiresIn(Duration.ofMinutes(5))
                    .jws().keyId("frostline-test-key")
                    .sign(KeyUtils.decodePrivateKey(new String(pem.readAllBytes(), StandardCharsets.US_ASCII)));
        }

        assertThatThrownBy(() -> FrameCollector.withHeader(base, token))
                .satisfies(failure -> assertThat(upgradeStatusOf(failure)).isEqualTo(401));
    }

    @Test
    void browserUpgradeWithAGarbageTokenInTheSubprotocolIsRefusedWith401() {
        assertThatThrownBy(() -> FrameCollector.withSubprotocol(base, "not-a-jwt"))
                .satisfies(failure -> assertThat(upgradeStatusOf(failure)).isEqualTo(401));
    }

    @Test
    void eachClientReceivesTheEventsOfItsOwnOrgOnly() throws Exception {
        UUID userA = UUID.randomUUID();
        UUID orgA = UUID.randomUUID();
        UUID userB = UUID.randomUUID();
        UUID orgB = UUID.randomUUID();
        try (FrameCollector a = FrameCollector.withHeader(base, TestTokens.token(userA, orgA, Role.VIEWER));
             FrameCollector b = FrameCollector.withHeader(base, TestTokens.token(userB, orgB, Role.VIEWER))) {
            JsonNode welcomeA = a.awaitWelcome();
            assertThat(welcomeA.path("orgId").asText()).isEqualTo(orgA.toString());
            assertThat(welcomeA.path("userId").asText()).isEqualTo(userA.toString());
            assertThat(b.awaitWelcome().path("orgId").asText()).isEqualTo(orgB.toString());
            a.subscribed("org");
            b.subscribed("org");

            ReadingRecorded readingOfA = reading(orgA);
            long offset = produceReading(readingOfA);
            JsonNode frame = a.awaitEvent(readingOfA.eventId());
            assertThat(frame.path("channel").asText()).isEqualTo("org");
            assertThat(frame.path("eventId").asText()).isEqualTo("r-" + PARTITION + "-" + offset);
            assertThat(frame.path("eventType").asText()).isEqualTo("reading.recorded");
            assertThat(frame.path("orgId").asText()).isEqualTo(orgA.toString());
            assertThat(frame.path("data").path("unitId").asText()).isEqualTo(readingOfA.unitId().toString());
            assertThat(frame.path("data").path("value").asDouble()).isEqualTo(readingOfA.value());

            // B's own event, produced after A's to the same partition, proves B was listening all along.
            ReadingRecorded readingOfB = reading(orgB);
            produceReading(readingOfB);
            b.awaitEvent(readingOfB.eventId());
            assertThat(b.eventsWithId(readingOfA.eventId())).isEmpty();
            assertThat(b.frames).noneMatch(f -> orgA.toString().equals(f.path("orgId").asText()));

            AlertOpened alertOfA = TestPlatform.alertOpened(orgA, UUID.randomUUID());
            produceAlert(alertOfA);
            JsonNode alertFrame = a.awaitEvent(alertOfA.eventId());
            assertThat(alertFrame.path("eventType").asText()).isEqualTo("alert.opened");
            assertThat(alertFrame.path("data").path("alertId").asText()).isEqualTo(alertOfA.alertId().toString());

            assertThat(a.eventsWithId(readingOfA.eventId())).hasSize(1);
            assertThat(a.frames).noneMatch(f -> orgB.toString().equals(f.path("orgId").asText()));
        }
    }

    @Test
    void browserClientAuthenticatesWithTheTokenInTheSubprotocol() throws Exception {
        UUID org = UUID.randomUUID();
        try (FrameCollector browser = FrameCollector.withSubprotocol(base,
                TestTokens.token(UUID.randomUUID(), org, Role.VIEWER))) {
            // The server must select the carrier subprotocol, or a browser would drop the connection.
            assertThat(browser.connection().subprotocol()).isEqualTo("bearer-token-carrier");
            assertThat(browser.awaitWelcome().path("orgId").asText()).isEqualTo(org.toString());
            browser.subscribed("org");

            ReadingRecorded reading = reading(org);
            produceReading(reading);
            assertThat(browser.awaitEvent(reading.eventId()).path("eventType").asText()).isEqualTo("reading.recorded");
        }
    }

    @Test
    void pingIsAnsweredWithPongAndMalformedMessagesWithAnErrorFrameWithAStableCode() {
        try (FrameCollector client = FrameCollector.withHeader(base, TestTokens.newOrgToken(Role.VIEWER))) {
            client.awaitWelcome();
            client.send("this is not json");
            client.send("{\"type\":\"publish\"}");
            client.send("{\"type\":\"subscribe\",\"id\":\"s1\",\"channel\":\"nope\"}");
            client.send("{\"type\":\"unsubscribe\",\"id\":\"never\"}");
            client.send("{\"type\":\"ping\"}");

            client.awaitFrame(frame -> "pong".equals(frame.path("type").asText()));
            assertThat(client.connection().isOpen()).isTrue();
            assertThat(client.frames).filteredOn(frame -> "error".equals(frame.path("type").asText()))
                    .extracting(frame -> frame.path("code").asText() + "/" + frame.path("id").asText(null))
                    .containsExactly("malformed-message/null", "unknown-message-type/null", "invalid-channel/s1",
                            "unknown-subscription/never");
        }
    }

    @Test
    void aConnectionIsAuditedWhenItOpensAndWhenItCloses() throws Exception {
        UUID user = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);
        FrameCollector client = FrameCollector.withHeader(base, TestTokens.token(user, org, Role.STAFF));
        client.awaitWelcome();

        await().atMost(FrameCollector.PATIENCE).until(() -> sessionOf(user) != null);
        Map<String, Object> open = sessionOf(user);
        assertThat(open.get("org_id")).isEqualTo(org);
        assertThat(((Timestamp) open.get("opened_at")).toInstant()).isAfter(before);
        assertThat(open.get("closed_at")).isNull();

        client.close();

        await().atMost(FrameCollector.PATIENCE).until(() -> sessionOf(user).get("closed_at") != null);
        assertThat(sessionOf(user).get("close_reason")).asString().startsWith("1000");
    }

    @Test
    void theSocketIsClosedWith4001WhenItsTokenExpires() {
        String shortLived = TestTokens.token(UUID.randomUUID(), UUID.randomUUID(), Role.VIEWER, Duration.ofSeconds(3));
        try (FrameCollector client = FrameCollector.withHeader(base, shortLived)) {
            client.awaitWelcome();

            await().atMost(FrameCollector.PATIENCE).until(() -> client.connection().isClosed());
            assertThat(client.connection().closeReason().getCode()).isEqualTo(4001);
            assertThat(client.connection().closeReason().getMessage()).isEqualTo("token expired");
        }
    }

    @Test
    void drainingForShutdownClosesSocketsAsGoingAwayAndAuditsTheClose() throws Exception {
        UUID user = UUID.randomUUID();
        try (FrameCollector client = FrameCollector.withHeader(base, TestTokens.token(user, UUID.randomUUID(), Role.VIEWER))) {
            client.awaitWelcome();

            drain.closeAll().await().atMost(FrameCollector.PATIENCE);

            await().atMost(FrameCollector.PATIENCE).until(() -> client.connection().isClosed());
            assertThat(client.connection().closeReason().getCode()).isEqualTo(1001);
            await().atMost(FrameCollector.PATIENCE).until(() -> {
                Map<String, Object> session = sessionOf(user);
                return session != null && session.get("closed_at") != null;
            });
            assertThat(sessionOf(user).get("close_reason")).asString().startsWith("1001");
        }
    }

    private long produceReading(ReadingRecorded event) {
        return platform.send(event, PARTITION).offset();
    }

    private void produceAlert(AlertOpened event) {
        platform.send(event, PARTITION);
    }

    private static ReadingRecorded reading(UUID orgId) {
        return TestPlatform.reading(orgId, null, UUID.randomUUID());
    }

    private Map<String, Object> sessionOf(UUID userId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select org_id, opened_at, closed_at, close_reason from sessions where user_id = ?")) {
            query.setObject(1, userId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Map<String, Object> session = new HashMap<>();
                session.put("org_id", row.getObject("org_id"));
                session.put("opened_at", row.getTimestamp("opened_at"));
                session.put("closed_at", row.getTimestamp("closed_at"));
                session.put("close_reason", row.getString("close_reason"));
                return session;
            }
        }
    }

    private static Integer upgradeStatusOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UpgradeRejectedException rejected) {
                return rejected.getStatus();
            }
        }
        throw new AssertionError("not an upgrade rejection", failure);
    }
}
