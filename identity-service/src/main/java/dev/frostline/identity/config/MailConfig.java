package dev.frostline.identity.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How the mail outbox relay retries. SMTP itself is configured with the quarkus.mailer properties. */
@ConfigMapping(prefix = "frostline.identity.mail")
public interface MailConfig {

    /** How often the relay looks for due mails (a Quarkus scheduler interval such as {@code 2s}). */
    String pollInterval();

    /** Delay before the first retry of a failed send; each further retry doubles it. */
    Duration retryInitialDelay();

    /** Longest delay between two retries. */
    Duration retryMaxDelay();

    /** Sends attempted before a mail is given up (logged as an error and counted). */
    int maxAttempts();

    /** Mails one relay pass claims at most. */
    int batchSize();

    /**
     * How long a claimed mail is reserved for the replica that claimed it. If that replica dies
     * mid-send, another one sends the mail after this (at-least-once). Must exceed the SMTP timeout.
     */
    Duration claimTimeout();
}
