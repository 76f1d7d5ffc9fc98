package dev.frostline.identity.repository;

import dev.frostline.identity.revocation.SubjectRevocation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubjectRevocationRepository implements PanacheRepositoryBase<SubjectRevocation, UUID> {

    /** Oldest first, so a reader can resume from the last row it saw. */
    public Uni<List<SubjectRevocation>> recordedSince(Instant since) {
        return list("recordedAt >= ?1 order by recordedAt, id", since);
    }
}
