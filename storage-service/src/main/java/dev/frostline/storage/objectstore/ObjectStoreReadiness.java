package dev.frostline.storage.objectstore;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the bucket answers: without it no upload or download can succeed. Creates the
 * bucket if it is missing, so a service that started before S3 becomes ready once S3 is up.
 */
@Readiness
@ApplicationScoped
public class ObjectStoreReadiness implements AsyncHealthCheck {

    private static final String NAME = "S3 bucket";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ObjectStore store;

    public ObjectStoreReadiness(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return store.ensureBucket()
                .ifNoItem().after(TIMEOUT).fail()
                .map(ignored -> HealthCheckResponse.named(NAME).withData("bucket", store.bucket()).up().build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).withData("bucket", store.bucket())
                        .withData("error", e.getClass().getSimpleName()).down().build());
    }
}
