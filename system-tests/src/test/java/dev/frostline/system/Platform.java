package dev.frostline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives the running platform's processes through the checkout's {@code ./frostline} (stop, start,
 * restart, kill), for tests of what survives a restart or an outage.
 */
final class Platform {

    static final Path ROOT = Path.of(System.getProperty("frostline.root", "..")).toAbsolutePath().normalize();

    private Platform() {
    }

    /** Runs {@code ./frostline <arguments>} and fails the test if it does not succeed within 3 minutes. */
    static void frostline(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("frostline").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("./frostline %s finished", command).isTrue();
            assertThat(process.exitValue()).as("./frostline %s exit code; output:%n%s", String.join(" ", arguments),
                    new String(output, StandardCharsets.UTF_8)).isZero();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
