package dev.frostline.storage.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "frostline.storage")
public interface StorageConfig {

    /** The S3 bucket holding every org's files; created at startup when missing. */
    String bucket();

    /**
     * The largest file accepted. Uploads are held in memory while they are hashed and sent to S3,
     * so this also bounds the memory one upload can take.
     */
    MemorySize maxFileSize();
}
