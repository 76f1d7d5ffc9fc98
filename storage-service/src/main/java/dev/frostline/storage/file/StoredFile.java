package dev.frostline.storage.file;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The metadata of one file attached to a unit; the bytes are the S3 object at {@link #objectKey}. */
@Entity
@Table(name = "files")
public class StoredFile {
    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false)
    public UUID orgId;
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;
    @Column(nullable = false)
    public String name;
    @Column(name = "content_type", nullable = false)
    public String contentType;
    @Column(nullable = false)
    public long size;
    /** Lower-case hex SHA-256 of the content, so a client can verify what it downloads. */
    @Column(nullable = false)
    public String sha256;
    @Column(name = "object_key", nullable = false)
    public String objectKey;
    @Column(name = "created_by", nullable = false)
    public UUID createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
