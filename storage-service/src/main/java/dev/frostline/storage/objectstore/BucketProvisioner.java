package dev.frostline.storage.objectstore;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Creates the bucket at startup when it is missing, so the first upload does not have to. */
@Singleton
public class BucketProvisioner {

    private final ObjectStore store;

    public BucketProvisioner(ObjectStore store) {
        this.store = store;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            store.ensureBucket().await().atMost(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            // Readiness reports S3 as down and creates the bucket once S3 answers. Failing startup
            // would only crash-loop while S3 is unavailable.
            Log.warnf("could not make sure bucket %s exists: %s", store.bucket(), e.toString());
        }
    }
}
