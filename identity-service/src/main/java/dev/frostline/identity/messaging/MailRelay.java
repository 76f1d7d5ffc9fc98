package dev.frostline.identity.messaging;

import dev.frostline.identity.config.MailConfig;
import dev.frostline.identity.mail.OutgoingMail;
import dev.frostline.identity.mail.RetrySchedule;
import dev.frostline.identity.repository.MailOutboxRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the mail outbox over SMTP. A pass claims due rows in one short transaction (locking them
 * with SKIP LOCKED and pushing their next attempt past the claim timeout, so no other replica takes
 * them), sends them with no transaction open, then records each outcome. Delivery is
 * at-least-once: a replica that dies between the send and the record leaves the row to be sent
 * again once the claim times out.
 */
@ApplicationScoped
public class MailRelay {

    static final String SENT_METRIC = "frostline.mail.sent";
    static final String FAILED_METRIC = "frostline.mail.send.failures";
    static final String GIVEN_UP_METRIC = "frostline.mail.given.up";
    /** After an enqueue, long enough for its transaction to commit in the usual case; the poll covers the rest. */
    private static final long KICK_DELAY_MS = 200;
    private static final int MAX_ERROR_LENGTH = 1000;

    private final MailOutboxRepository mails;
    private final ReactiveMailer mailer;
    private final MailConfig config;
    private final RetrySchedule retries;
    private final Vertx vertx;
    private final Counter sent;
    private final Counter failed;
    private final Counter givenUp;
    /** One pass at a time per replica; other replicas are kept apart by the row locks. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean kickPending = new AtomicBoolean();

    public MailRelay(MailOutboxRepository mails, ReactiveMailer mailer, MailConfig config, Vertx vertx,
            MeterRegistry registry) {
        this.mails = mails;
        this.mailer = mailer;
        this.config = config;
        this.retries = new RetrySchedule(config.retryInitialDelay(), config.retryMaxDelay(), config.maxAttempts());
        this.vertx = vertx;
        this.sent = Counter.builder(SENT_METRIC).description("Mails handed to the SMTP server").register(registry);
        this.failed = Counter.builder(FAILED_METRIC).description("Failed send attempts (retried)").register(registry);
        this.givenUp = Counter.builder(GIVEN_UP_METRIC).description("Mails given up after the last retry")
                .register(registry);
    }

    @Scheduled(every = "${frostline.identity.mail.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return relay();
    }

    /** Called on enqueue, before the transaction commits: a pass shortly after, instead of at the next poll. */
    void sendSoon() {
        if (!kickPending.compareAndSet(false, true)) {
            return;
        }
        vertx.setTimer(KICK_DELAY_MS, id -> {
            kickPending.set(false);
            // Hibernate Reactive needs a duplicated context, as a request would have.
            Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> relay().subscribe().with(done -> { }, e -> { }));
        });
    }

    Uni<Void> relay() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(this::claim)
                .chain(this::sendAll)
                .onFailure().invoke(e -> Log.warnf("mail relay pass failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull()
                .eventually(() -> running.set(false))
                .replaceWithVoid();
    }

    private Uni<List<OutgoingMail>> claim() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> mails.lockDue(now, config.batchSize()).invoke(due -> due.forEach(mail -> {
            mail.attempts++;
            mail.nextAttemptAt = now.plus(config.claimTimeout());
        })));
    }

    private Uni<Void> sendAll(List<OutgoingMail> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        return Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndConcatenate(mail -> sendOne(mail, context))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> sendOne(OutgoingMail mail, Context context) {
        Mail message = Mail.withText(mail.recipient, mail.subject, mail.textBody);
        if (mail.htmlBody != null) {
            message.setHtml(mail.htmlBody);
        }
        return mailer.send(message)
                .map(ignored -> (Throwable) null)
                .onFailure().recoverWithItem(error -> error)
                // The outcome is written with Hibernate Reactive, which must continue on this context.
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(error -> error == null ? markSent(mail) : markFailed(mail, error));
    }

    private Uni<Void> markSent(OutgoingMail mail) {
        sent.increment();
        return Panache.withTransaction(() -> mails.update("sentAt = ?1, lastError = null where id = ?2",
                Instant.now(), mail.id)).replaceWithVoid();
    }

    private Uni<Void> markFailed(OutgoingMail mail, Throwable error) {
        failed.increment();
        Instant now = Instant.now();
        String reason = truncate(error.toString());
        if (retries.givesUpAfter(mail.attempts)) {
            givenUp.increment();
            Log.errorf("GIVING UP on mail %s to %s after %d attempts; last error: %s", mail.id, mail.recipient,
                    mail.attempts, reason);
            return Panache.withTransaction(() -> mails.update("givenUpAt = ?1, lastError = ?2 where id = ?3",
                    now, reason, mail.id)).replaceWithVoid();
        }
        Instant next = now.plus(retries.delayAfter(mail.attempts));
        Log.warnf("mail %s to %s failed (attempt %d), retrying at %s: %s", mail.id, mail.recipient, mail.attempts,
                next, reason);
        return Panache.withTransaction(() -> mails.update("nextAttemptAt = ?1, lastError = ?2 where id = ?3",
                next, reason, mail.id)).replaceWithVoid();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
