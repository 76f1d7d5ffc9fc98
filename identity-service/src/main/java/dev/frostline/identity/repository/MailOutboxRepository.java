package dev.frostline.identity.repository;

import dev.frostline.identity.mail.OutgoingMail;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MailOutboxRepository implements PanacheRepositoryBase<OutgoingMail, UUID> {

    /**
     * Due mails, locked for the rest of the transaction. SKIP LOCKED makes a second replica pass over
     * rows the first one is claiming instead of waiting for them, so each row goes to one replica.
     */
    public Uni<List<OutgoingMail>> lockDue(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select * from mail_outbox
                where sent_at is null and given_up_at is null and next_attempt_at <= :now
                order by next_attempt_at
                limit :limit
                for update skip locked""", OutgoingMail.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
