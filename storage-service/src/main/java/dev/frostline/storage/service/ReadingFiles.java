package dev.frostline.storage.service;

import dev.frostline.contracts.Role;
import dev.frostline.storage.file.StoredFile;
import dev.frostline.storage.objectstore.ObjectStore;
import dev.frostline.storage.repository.StoredFileRepository;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.projection.UnitDirectory;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Lists a unit's files, reads one file's metadata, and opens its content as a stream. */
@ApplicationScoped
public class ReadingFiles {

    /** A file's metadata with its bytes, which stream from S3 as the client reads them. */
    public record OpenedFile(StoredFile file, ObjectStore.Download content) {
    }

    private final UnitDirectory units;
    private final StoredFileRepository files;
    private final ObjectStore store;

    public ReadingFiles(UnitDirectory units, StoredFileRepository files, ObjectStore store) {
        this.units = units;
        this.files = files;
        this.store = store;
    }

    public Uni<List<StoredFile>> listOfUnit(Caller caller, UUID unitId) {
        caller.require(Role.VIEWER);
        return Panache.withSession(() -> units.findLiveInOrg(unitId, caller.orgId()).chain(unit -> unit == null
                ? Uni.createFrom().failure(ProblemException.notFound("Unit", unitId))
                : files.listOfUnit(caller.orgId(), unitId)));
    }

    public Uni<StoredFile> get(Caller caller, UUID id) {
        caller.require(Role.VIEWER);
        return Panache.withSession(() -> files.findInOrg(id, caller.orgId())).map(file -> {
            if (file == null) {
                throw ProblemException.notFound("File", id);
            }
            return file;
        });
    }

    /** The session is closed before S3 is called: no connection is held while the bytes stream. */
    public Uni<OpenedFile> open(Caller caller, UUID id) {
        return get(caller, id).chain(file -> store.get(file.objectKey)
                // Only while a delete has removed the object and not yet committed the row removal.
                .onFailure(NoSuchKeyException.class).transform(e -> ProblemException.notFound("File", id))
                .map(content -> new OpenedFile(file, content)));
    }
}
