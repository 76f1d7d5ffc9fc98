package dev.frostline.storage.service;

import dev.frostline.contracts.Role;
import dev.frostline.storage.config.StorageConfig;
import dev.frostline.storage.file.FileContent;
import dev.frostline.storage.file.FileName;
import dev.frostline.storage.file.ObjectKeys;
import dev.frostline.storage.file.StoredFile;
import dev.frostline.storage.objectstore.ObjectStore;
import dev.frostline.storage.repository.StoredFileRepository;
import dev.frostline.support.problem.ProblemException;
import dev.frostline.support.projection.UnitDirectory;
import dev.frostline.support.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Attaches a file to a unit: the object is written to S3 first, then its metadata row. A failed
 * put leaves nothing behind; a failed insert deletes the object again (best effort), so a listed
 * file always has its bytes. No DB connection is held while the bytes travel to S3.
 */
@ApplicationScoped
public class AttachingFiles {

    public record Upload(UUID unitId, String name, String contentType, byte[] content) {
    }

    private final UnitDirectory units;
    private final StoredFileRepository files;
    private final ObjectStore store;
    private final StorageConfig config;
    private final Vertx vertx;

    public AttachingFiles(UnitDirectory units, StoredFileRepository files, ObjectStore store, StorageConfig config,
            Vertx vertx) {
        this.units = units;
        this.files = files;
        this.store = store;
        this.config = config;
        this.vertx = vertx;
    }

    public Uni<StoredFile> attach(Caller caller, Upload upload) {
        return Panache.withSession(() -> units.findLiveInOrg(upload.unitId(), caller.orgId())).chain(unit -> {
            if (unit == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Unit", upload.unitId()));
            }
            caller.require(Role.STAFF);
            StoredFile file = new StoredFile();
            file.id = UUID.randomUUID();
            file.orgId = caller.orgId();
            file.unitId = upload.unitId();
            file.name = FileName.check(upload.name());
            file.contentType = FileContent.contentType(upload.contentType());
            FileContent.checkSize(upload.content(), config.maxFileSize().asLongValue());
            file.size = upload.content().length;
            file.objectKey = ObjectKeys.of(file.orgId, file.unitId, file.id);
            file.createdBy = caller.userId();
            return sha256(upload.content())
                    .invoke(sha -> file.sha256 = sha)
                    .chain(sha -> store.put(file.objectKey, file.contentType, upload.content(), sha))
                    .chain(() -> record(file));
        });
    }

    private Uni<StoredFile> record(StoredFile file) {
        file.createdAt = Instant.now();
        return Panache.withTransaction(() -> files.persist(file))
                .onFailure().call(e -> store.delete(file.objectKey)
                        .onFailure().invoke(deleteFailure -> Log.warnf(
                                "file %s: metadata insert failed and the object %s could not be removed: %s",
                                file.id, file.objectKey, deleteFailure.toString()))
                        .onFailure().recoverWithNull());
    }

    /** Hashing megabytes takes long enough to stall the event loop, so it runs on a worker. */
    private Uni<String> sha256(byte[] content) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> FileContent.sha256(content)), false);
    }
}
