package dev.frostline.identity.messaging;

import dev.frostline.identity.mail.MailContent;
import dev.frostline.identity.mail.OutgoingMail;
import dev.frostline.identity.repository.MailOutboxRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Queues a mail. Call it inside the transaction that makes the change the mail tells about: the mail
 * is then sent if and only if the change commits, and survives an SMTP outage or a crash.
 */
@ApplicationScoped
public class MailOutbox {

    private final MailOutboxRepository mails;
    private final MailRelay relay;

    public MailOutbox(MailOutboxRepository mails, MailRelay relay) {
        this.mails = mails;
        this.relay = relay;
    }

    public Uni<Void> enqueue(String recipient, MailContent content) {
        OutgoingMail mail = new OutgoingMail();
        mail.id = UUID.randomUUID();
        mail.recipient = recipient;
        mail.subject = content.subject();
        mail.textBody = content.text();
        mail.htmlBody = content.html();
        mail.createdAt = Instant.now();
        mail.nextAttemptAt = mail.createdAt;
        relay.sendSoon();
        return mails.persist(mail).replaceWithVoid();
    }
}
