package dev.frostline.telemetry;

import dev.frostline.telemetry.repository.ReadingBatchWriter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** A {@link FixtureTest} that also seeds sites, units, sensors and readings for the reading queries. */
public abstract class QueryFixtureTest extends FixtureTest {

    @Inject
    protected ReadingBatchWriter writer;

    protected QueryFixtures queries;

    @BeforeEach
    void openQueryFixtures() {
        queries = new QueryFixtures(fixtures, dataSource, writer);
    }
}
