package dev.frostline.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.frostline.contracts.Role;
import dev.frostline.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The X-Request-Id the gateway sends is the one this service logs and answers with, so one request
 * can be followed through every service's logs (service-support's RequestIds, shared by all).
 */
@QuarkusTest
class RequestIdTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final List<String> accessLog = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            accessLog.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureAccessLog() {
        Logger.getLogger("io.quarkus.http.access-log").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("io.quarkus.http.access-log").removeHandler(capture);
    }

    @Test
    void aPropagatedRequestIdIsEchoedAndWrittenToTheAccessLog() {
        String id = "gw-" + System.nanoTime();
        given().auth().oauth2(TestTokens.newOrgToken(Role.VIEWER)).header("X-Request-Id", id)
                .get("/api/catalog/sites")
                .then().statusCode(200).header("X-Request-Id", equalTo(id));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(accessLog).anyMatch(line -> line.contains("request-id=" + id)));
    }

    @Test
    void aRequestWithoutAnIdGetsAFreshOne() {
        given().auth().oauth2(TestTokens.newOrgToken(Role.VIEWER)).get("/api/catalog/sites")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void anUnsafeIdIsReplacedRatherThanLogged() {
        given().auth().oauth2(TestTokens.newOrgToken(Role.VIEWER)).header("X-Request-Id", "bad id\" injected=1")
                .get("/api/catalog/sites")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void problemAnswersCarryTheIdToo() {
        given().header("X-Request-Id", "no-token-42").get("/api/catalog/sites")
                .then().statusCode(401).header("X-Request-Id", equalTo("no-token-42"));
    }
}
