package dev.frostline.identity.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frostline.identity.testing.InjectSmtpSink;
import dev.frostline.identity.testing.SmtpSink;
import dev.frostline.identity.testing.TestDb;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MailRelayTest {

    @InjectSmtpSink
    SmtpSink smtp;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void mailThatCannotBeSentIsRetriedAndArrivesOnceTheServerIsBackWhileAnExhaustedOneIsGivenUp() {
        TestDb db = new TestDb(dataSource);
        String email = "relay-" + UUID.randomUUID() + "@example.com";
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "correct horse battery", "organizationName", "Relay"))
                .post("/api/identity/signup").then().statusCode(201);
        String exhausted = "exhausted-" + UUID.randomUUID() + "@example.com";

        smtp.stop();
        try {
            given().contentType(ContentType.JSON).body(Map.of("email", email))
                    .post("/api/identity/password/reset-requests").then().statusCode(202);
            // One attempt short of the limit (12 by default): its next failure is its last.
            db.update("insert into mail_outbox (id, recipient, subject, text_body, created_at, attempts, next_attempt_at)"
                    + " values (gen_random_uuid(), ?, 'exhausted', 'body', now(), 11, now())", exhausted);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(db.column("select attempts::text from mail_outbox where recipient = ? and sent_at is null"
                        + " and last_error is not null", email)).isNotEmpty();
                assertThat(db.column("select id::text from mail_outbox where recipient = ? and given_up_at is not null"
                        + " and sent_at is null and attempts = 12", exhausted)).hasSize(1);
            });
        } finally {
            smtp.start();
        }

        assertThat(SmtpSink.subject(smtp.awaitMailTo(email))).isEqualTo("Reset your Frostline password");
        await().atMost(Duration.ofSeconds(30)).until(() -> !db.column(
                "select id::text from mail_outbox where recipient = ? and sent_at is not null", email).isEmpty());
        List<String> attempts = db.column("select attempts::text from mail_outbox where recipient = ?", email);
        assertThat(Integer.parseInt(attempts.get(0))).isGreaterThanOrEqualTo(2);
        assertThat(smtp.mailsTo(exhausted)).isEmpty();
    }
}
