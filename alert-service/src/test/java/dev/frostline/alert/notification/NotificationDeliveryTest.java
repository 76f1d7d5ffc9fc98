package dev.frostline.alert.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.frostline.alert.TestClock;
import dev.frostline.alert.notification.NotificationFixtures.TestMember;
import dev.frostline.alert.notification.SmtpServerResource.InjectSmtpServer;
import dev.frostline.contracts.Role;
import dev.frostline.contracts.events.MemberState;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Notification requests, as the alert engine writes them, reach a real SMTP server and a real HTTP
 * receiver. Dispatch and send passes run when a test says so (no background passes in tests), and
 * backoff is crossed by moving the engine's test clock.
 */
@QuarkusTest
class NotificationDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @InjectSmtpServer
    GreenMail smtp;

    @Inject
    NotificationFixtures fixtures;

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    DeliverySender sender;

    @Inject
    TestClock clock;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    private double count(String meter, String channel) {
        return registry.get(meter).tag("channel", channel).counter().count();
    }

    private static String token(TestMember member) {
        return TestTokens.token(member.userId(), member.orgId(), member.role());
    }

    private static Response putPreferences(TestMember member, String body) {
        return given().auth().oauth2(token(member)).contentType(ContentType.JSON).body(body)
                .put("/api/alerts/notifications/preferences/me");
    }

    private static Response createEndpoint(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/alerts/notifications/webhooks");
    }

    private void dispatchAndSend() {
        while (dispatcher.dispatchOnce().await().atMost(WAIT) > 0) {
            // until every request is expanded
        }
        sendDue();
    }

    /** Passes until nothing is due: one pass takes at most a batch, and earlier tests leave deliveries too. */
    private void sendDue() {
        while (sender.sendDue().await().atMost(WAIT) > 0) {
            // until nothing is due
        }
    }

    private List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> isFor(mail, email)).toList();
    }

    private static boolean isFor(MimeMessage mail, String email) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equalsIgnoreCase(email));
        } catch (MessagingException e) {
            return false;
        }
    }

    private String delivery(UUID requestId, String column) {
        return fixtures.column("select " + column + "::text from notification_deliveries where request_id = ?::uuid",
                requestId).get(0);
    }

    /** Seconds from the delivery's last attempt to its next one. */
    private double backoff(UUID requestId) {
        return Double.parseDouble(delivery(requestId, "extract(epoch from next_attempt_at - last_attempt_at)"));
    }

    @Test
    void emailReachesEveryMemberInTheAudienceWhosePreferencesAllowIt() throws Exception {
        UUID orgId = UUID.randomUUID();
        List<TestMember> members = fixtures.members(orgId, Role.VIEWER, Role.STAFF, Role.MANAGER, Role.ADMIN, Role.OWNER);
        TestMember viewer = members.get(0);
        TestMember staff = members.get(1);
        TestMember manager = members.get(2);
        TestMember admin = members.get(3);
        TestMember owner = members.get(4);
        putPreferences(manager, "{\"channels\": [\"email\"], \"minSeverity\": \"critical\"}").then().statusCode(200);
        putPreferences(admin, "{\"channels\": [], \"minSeverity\": \"warning\"}").then().statusCode(200);
        UUID alertId = UUID.randomUUID();

        fixtures.request(orgId, alertId, "opened", "warning", Role.STAFF, Map.of("alertId", alertId.toString(),
                "unitName", "Fridge 3", "value", 9.5));
        dispatchAndSend();

        // Viewer is below the audience, the manager wants critical only, the admin turned email off.
        assertThat(mailsTo(staff.email())).hasSize(1);
        assertThat(mailsTo(owner.email())).hasSize(1);
        assertThat(mailsTo(viewer.email())).isEmpty();
        assertThat(mailsTo(manager.email())).isEmpty();
        assertThat(mailsTo(admin.email())).isEmpty();
        MimeMessage mail = mailsTo(staff.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("[warning] Fridge 3 opened");
        assertThat(GreenMailUtil.getBody(mail)).contains("unitName: Fridge 3").contains("value: 9.5");

        fixtures.request(orgId, alertId, "escalated", "critical", Role.MANAGER, Map.of("alertId", alertId.toString()));
        dispatchAndSend();

        assertThat(mailsTo(manager.email())).hasSize(1);
        assertThat(mailsTo(owner.email())).hasSize(2);
        assertThat(mailsTo(staff.email())).hasSize(1);
        assertThat(mailsTo(admin.email())).isEmpty();

        given().auth().oauth2(token(manager)).get("/api/alerts/notifications/alerts/" + alertId + "/deliveries")
                .then().statusCode(200)
                .body("$", hasSize(4))
                .body("findAll { it.status == 'sent' }", hasSize(4))
                .body("findAll { it.kind == 'escalated' }.recipientEmail", org.hamcrest.Matchers.containsInAnyOrder(
                        manager.email(), owner.email()));
        given().auth().oauth2(token(staff)).get("/api/alerts/notifications/alerts/" + alertId + "/deliveries")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.newOrgToken(Role.OWNER))
                .get("/api/alerts/notifications/alerts/" + alertId + "/deliveries")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:not-found"));
    }

    @Test
    void aRemovedMemberIsNotNotified() {
        UUID orgId = UUID.randomUUID();
        List<TestMember> members = fixtures.members(orgId, Role.STAFF, Role.MANAGER);
        TestMember leaving = members.get(0);
        fixtures.publish(new MemberState(orgId, leaving.userId(), leaving.email(), leaving.role(), true, 2, Instant.now()));
        fixtures.awaitProjected(orgId, 1);
        // A stale state arriving late (a replay) does not bring the member back.
        fixtures.publish(new MemberState(orgId, leaving.userId(), leaving.email(), leaving.role(), false, 1, Instant.now()));

        fixtures.request(orgId, UUID.randomUUID(), "opened", "critical", Role.VIEWER, Map.of("n", 1));
        dispatchAndSend();

        assertThat(mailsTo(members.get(1).email())).hasSize(1);
        assertThat(mailsTo(leaving.email())).isEmpty();
    }

    @Test
    void webhookGetsTheBodySignedWithTheEndpointSecretAndItsDeliveryIdAsIdempotencyKey() throws Exception {
        UUID orgId = UUID.randomUUID();
        String admin = TestTokens.token(UUID.randomUUID(), orgId, Role.ADMIN);
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx);
                WebhookReceiver criticalOnly = WebhookReceiver.start(vertx)) {
            String secret = createEndpoint(admin, "{\"url\": \"" + receiver.url() + "\", \"description\": \"ops\"}")
                    .then().statusCode(201).body("minSeverity", equalTo("warning")).body("enabled", equalTo(true))
                    .extract().path("secret");
            createEndpoint(admin, "{\"url\": \"" + criticalOnly.url() + "\", \"minSeverity\": \"critical\"}")
                    .then().statusCode(201);
            UUID alertId = UUID.randomUUID();
            UUID requestId = fixtures.request(orgId, alertId, "opened", "warning", Role.ADMIN,
                    Map.of("alertId", alertId.toString(), "kind", "opened", "value", -12.5));

            dispatchAndSend();

            assertThat(criticalOnly.received()).isEmpty();
            assertThat(receiver.received()).hasSize(1);
            WebhookReceiver.Received post = receiver.received().get(0);
            JsonNode body = mapper.readTree(post.body());
            assertThat(body.get("alertId").asText()).isEqualTo(alertId.toString());
            assertThat(body.get("value").asDouble()).isEqualTo(-12.5);
            assertThat(post.header("Content-Type")).isEqualTo("application/json");
            assertThat(post.header("X-Frostline-Event")).isEqualTo("opened");
            String timestamp = post.header("X-Frostline-Timestamp");
            assertThat(Long.parseLong(timestamp)).isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(300L));
            // What a receiver computes: HMAC-SHA256 with the secret over "<timestamp>.<raw body>".
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            String expected = "v1=" + java.util.HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + post.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(post.header("X-Frostline-Signature")).isEqualTo(expected);
            assertThat(post.header("Idempotency-Key")).isEqualTo(delivery(requestId, "id"));
            assertThat(delivery(requestId, "status")).isEqualTo("sent");
        }
    }

    @Test
    void failingReceiverIsRetriedWithGrowingBackoffThenDeadLetteredForAdminsWhoMayRetryIt() {
        UUID orgId = UUID.randomUUID();
        String admin = TestTokens.token(UUID.randomUUID(), orgId, Role.ADMIN);
        String staff = TestTokens.token(UUID.randomUUID(), orgId, Role.STAFF);
        String otherAdmin = TestTokens.newOrgToken(Role.ADMIN);
        double failedBefore = count(NotificationMetrics.FAILED, "webhook");
        double deadBefore = count(NotificationMetrics.DEAD_LETTERED, "webhook");
        double sentBefore = count(NotificationMetrics.SENT, "webhook");
        try (WebhookReceiver receiver = WebhookReceiver.start(vertx)) {
            receiver.answer(503);
            createEndpoint(admin, "{\"url\": \"" + receiver.url() + "\"}").then().statusCode(201);
            UUID requestId = fixtures.request(orgId, UUID.randomUUID(), "opened", "critical", Role.ADMIN, Map.of("n", 1));

            dispatchAndSend();
            assertThat(receiver.received()).hasSize(1);
            assertThat(delivery(requestId, "attempts")).isEqualTo("1");
            // 10 s, plus up to 20 % jitter.
            assertThat(backoff(requestId)).isBetween(10.0, 12.0);
            assertThat(delivery(requestId, "last_error")).isEqualTo("endpoint answered HTTP 503");

            // Not due yet: a pass now leaves it alone.
            sendDue();
            assertThat(receiver.received()).hasSize(1);

            clock.advance(Duration.ofSeconds(13));
            sendDue();
            assertThat(receiver.received()).hasSize(2);
            assertThat(delivery(requestId, "attempts")).isEqualTo("2");
            assertThat(backoff(requestId)).isBetween(20.0, 24.0);

            clock.advance(Duration.ofSeconds(25));
            sendDue();
            // The third attempt was the last (max-attempts 3 in tests).
            assertThat(receiver.received()).hasSize(3);
            assertThat(delivery(requestId, "status")).isEqualTo("dead");
            assertThat(receiver.received()).extracting(r -> r.header("Idempotency-Key")).containsOnly(delivery(requestId, "id"));
            String deliveryId = delivery(requestId, "id");
            // Other tests' deliveries may be sent by the same passes: at least this one's outcomes.
            assertThat(count(NotificationMetrics.FAILED, "webhook") - failedBefore).isGreaterThanOrEqualTo(3);
            assertThat(count(NotificationMetrics.DEAD_LETTERED, "webhook") - deadBefore).isGreaterThanOrEqualTo(1);

            given().auth().oauth2(admin).get("/api/alerts/notifications/dead-letters").then().statusCode(200)
                    .body("$", hasSize(1))
                    .body("[0].id", equalTo(deliveryId))
                    .body("[0].channel", equalTo("webhook"))
                    .body("[0].endpointUrl", equalTo(receiver.url()))
                    .body("[0].attempts", equalTo(3))
                    .body("[0].lastError", equalTo("endpoint answered HTTP 503"));
            given().auth().oauth2(staff).get("/api/alerts/notifications/dead-letters").then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo("urn:frostline:problem:forbidden"));
            given().auth().oauth2(staff).post("/api/alerts/notifications/dead-letters/" + deliveryId + "/retry")
                    .then().statusCode(403);
            given().auth().oauth2(otherAdmin).get("/api/alerts/notifications/dead-letters").then().statusCode(200)
                    .body("$", hasSize(0));
            given().auth().oauth2(otherAdmin).post("/api/alerts/notifications/dead-letters/" + deliveryId + "/retry")
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:frostline:problem:not-found"));
            assertThat(delivery(requestId, "status")).isEqualTo("dead");

            receiver.answer(200);
            given().auth().oauth2(admin).post("/api/alerts/notifications/dead-letters/" + deliveryId + "/retry")
                    .then().statusCode(200).body("status", equalTo("pending")).body("attempts", equalTo(0));
            given().auth().oauth2(admin).post("/api/alerts/notifications/dead-letters/" + deliveryId + "/retry")
                    .then().statusCode(409).contentType("application/problem+json");
            sendDue();

            assertThat(receiver.received()).hasSize(4);
            assertThat(delivery(requestId, "status")).isEqualTo("sent");
            given().auth().oauth2(admin).get("/api/alerts/notifications/dead-letters").then().body("$", hasSize(0));
            assertThat(count(NotificationMetrics.SENT, "webhook") - sentBefore).isGreaterThanOrEqualTo(1);
        }
        // Series by channel only: no org, alert or delivery IDs in the tags.
        assertThat(registry.get(NotificationMetrics.SENT).counters()).allSatisfy(counter ->
                assertThat(counter.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
                        .containsOnly("channel"));
    }

    @Test
    void twoDispatchersRunningTogetherExpandEveryRequestExactlyOnce() {
        // Whatever earlier runs left unexpanded goes first, so the count below is this test's own.
        await().atMost(WAIT).until(() -> dispatcher.dispatchOnce().await().atMost(WAIT) == 0);
        UUID orgId = UUID.randomUUID();
        fixtures.members(orgId, Role.STAFF, Role.MANAGER, Role.OWNER);
        String admin = TestTokens.token(UUID.randomUUID(), orgId, Role.ADMIN);
        createEndpoint(admin, "{\"url\": \"http://127.0.0.1:9/never\", \"enabled\": true}").then().statusCode(201);
        int requests = 40;
        for (int i = 0; i < requests; i++) {
            fixtures.request(orgId, UUID.randomUUID(), "opened", "warning", Role.STAFF, Map.of("i", i));
        }

        List<Integer> expanded = Uni.join().all(dispatcher.dispatchOnce(), dispatcher.dispatchOnce()).andFailFast()
                .await().atMost(WAIT);

        assertThat(expanded.get(0) + expanded.get(1)).isEqualTo(requests);
        assertThat(fixtures.column("select count(*)::text from notification_deliveries where org_id = ?::uuid", orgId))
                .containsExactly(Integer.toString(requests * 4));
        assertThat(fixtures.column("select count(*)::text from notification_requests where org_id = ?::uuid"
                + " and expanded_at is null", orgId)).containsExactly("0");
        // Each request: one delivery per recipient, no more.
        assertThat(fixtures.column("select distinct count(*)::text from notification_deliveries where org_id = ?::uuid"
                + " group by request_id", orgId)).containsExactly("4");
        // The endpoint never answers: keep it from being tried by later tests' passes.
        fixtures.update("update webhook_endpoints set enabled = false where org_id = ?::uuid", orgId);
    }
}
