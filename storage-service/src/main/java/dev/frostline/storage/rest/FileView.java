package dev.frostline.storage.rest;

import dev.frostline.storage.file.StoredFile;
import java.time.Instant;
import java.util.UUID;

/** A file's metadata as clients see it; the object key stays inside the service. */
public record FileView(UUID id, UUID unitId, String name, String contentType, long size, String sha256,
        Instant createdAt, UUID createdBy) {

    static FileView of(StoredFile file) {
        return new FileView(file.id, file.unitId, file.name, file.contentType, file.size, file.sha256, file.createdAt,
                file.createdBy);
    }
}
