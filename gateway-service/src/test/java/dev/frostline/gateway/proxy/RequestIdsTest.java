package dev.frostline.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void saneClientIdIsKept() {
        assertThat(RequestIds.acceptOrCreate("9b2f4c1e-trace.7:a_b")).isEqualTo("9b2f4c1e-trace.7:a_b");
    }

    @Test
    void missingOrUnsafeIdIsReplacedWithAUuid() {
        for (String unsafe : new String[] { null, "", "has space", "line\nbreak", "<b>", "x".repeat(129), "-leading" }) {
            String id = RequestIds.acceptOrCreate(unsafe);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
    }
}
