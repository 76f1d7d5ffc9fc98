package dev.frostline.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Gives a @QuarkusTest its {@link TelemetryFixtures}, wired to the service's own Kafka and database. */
public abstract class FixtureTest {

    @Inject
    protected ObjectMapper mapper;

    @Inject
    protected AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrapServers;

    protected TelemetryFixtures fixtures;

    @BeforeEach
    void openFixtures() {
        fixtures = new TelemetryFixtures(mapper, dataSource, bootstrapServers);
    }

    @AfterEach
    void closeFixtures() {
        fixtures.close();
    }
}
