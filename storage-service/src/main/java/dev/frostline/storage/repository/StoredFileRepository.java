package dev.frostline.storage.repository;

import dev.frostline.storage.file.StoredFile;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StoredFileRepository implements PanacheRepositoryBase<StoredFile, UUID> {

    public Uni<List<StoredFile>> listOfUnit(UUID orgId, UUID unitId) {
        return list("orgId = ?1 and unitId = ?2 order by createdAt desc, id", orgId, unitId);
    }

    /** Tenancy: a file of another org is simply not found. */
    public Uni<StoredFile> findInOrg(UUID id, UUID orgId) {
        return find("id = ?1 and orgId = ?2", id, orgId).firstResult();
    }
}
