package dev.frostline.telemetry.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadingCursorTest {

    @Test
    void aCursorSurvivesItsRoundTripToTheMicrosecond() {
        ReadingCursor cursor = new ReadingCursor(Instant.parse("2026-03-29T01:59:59.123456Z"), UUID.randomUUID());
        assertThat(ReadingCursor.decode(cursor.encode())).contains(cursor);
        assertThat(cursor.encode()).doesNotContain("=", "+", "/");
    }

    @Test
    void textThatIsNotAnIssuedCursorIsRefused() {
        assertThat(ReadingCursor.decode("not-a-cursor")).isEmpty();
        assertThat(ReadingCursor.decode("")).isEmpty();
        assertThat(ReadingCursor.decode(encode("r1|yesterday|" + UUID.randomUUID()))).isEmpty();
        assertThat(ReadingCursor.decode(encode("r1|2026-01-01T00:00:00Z|not-a-uuid"))).isEmpty();
        assertThat(ReadingCursor.decode(encode("c1|2026-01-01T00:00:00Z|" + UUID.randomUUID()))).isEmpty();
        assertThat(ReadingCursor.decode(encode("r1|2026-01-01T00:00:00Z"))).isEmpty();
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
