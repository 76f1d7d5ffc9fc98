package dev.frostline.storage.service;

import dev.frostline.contracts.Role;
import dev.frostline.storage.objectstore.ObjectStore;
import dev.frostline.storage.repository.StoredFileRepository;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Removes a file: the row is deleted and flushed, then the object, all in one transaction. If S3
 * refuses, the transaction rolls back and the file is still there whole; if the commit fails after
 * the object is gone, a retried delete converges because deleting a missing object succeeds.
 */
@ApplicationScoped
public class RemovingFiles {

    private final StoredFileRepository files;
    private final ObjectStore store;

    public RemovingFiles(StoredFileRepository files, ObjectStore store) {
        this.files = files;
        this.store = store;
    }

    @WithTransaction
    public Uni<Void> remove(Caller caller, UUID id) {
        return files.findInOrg(id, caller.orgId()).chain(file -> {
            if (file == null) {
                return Uni.createFrom().failure(ProblemException.notFound("File", id));
            }
            caller.require(Role.MANAGER);
            return files.delete(file)
                    .chain(files::flush)
                    .chain(() -> store.delete(file.objectKey));
        });
    }
}
