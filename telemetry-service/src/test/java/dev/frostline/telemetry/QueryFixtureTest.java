package dev.frostline.telemetry;

import org.junit.jupiter.api.BeforeEach;

/** A {@link FixtureTest} that also seeds sites, units, sensors and readings for the reading queries. */
public abstract class QueryFixtureTest extends FixtureTest {

    protected QueryFixtures queries;

    @BeforeEach
    void openQueryFixtures() {
        queries = new QueryFixtures(fixtures, dataSource);
    }
}
