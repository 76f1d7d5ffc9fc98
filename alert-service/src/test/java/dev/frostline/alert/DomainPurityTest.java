package dev.frostline.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The domain packages stay plain Java, testable in milliseconds: no framework, persistence or
 * messaging import may creep in. Adapters (rest/, service/, repository/, messaging/) wrap them.
 */
class DomainPurityTest {

    private static final List<String> FORBIDDEN = List.of("import io.quarkus", "import jakarta.",
            "import javax.", "import org.hibernate", "import io.smallrye", "import org.apache.kafka",
            "import org.eclipse.microprofile", "import io.vertx");

    @ParameterizedTest
    @ValueSource(strings = {"rule", "excursion", "escalation", "alert"})
    void domainPackageImportsNoFramework(String domainPackage) throws IOException {
        Path dir = Path.of("src/main/java/dev/frostline/alert", domainPackage);
        assertThat(dir).isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                assertThat(lines).as(file.toString())
                        .noneMatch(line -> FORBIDDEN.stream().anyMatch(line::startsWith));
            }
        }
    }
}
