package dev.frostline.telemetry.repository;

import dev.frostline.telemetry.reading.Reading;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The stored readings as entities. Pages are read by {@link ReadingPageRepository}, and the persister
 * writes whole batches with its own multi-row insert; this repository serves what Panache gives.
 */
@ApplicationScoped
public class ReadingRepository implements PanacheRepositoryBase<Reading, UUID> {
}
