package dev.frostline.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.support.problem.ProblemException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void noParametersMeansTheNewestFiftyOfEverything() {
        assertThat(AuditQuery.parse(null, null, null, null, null, null))
                .isEqualTo(new AuditQuery(null, null, null, null, AuditQuery.DEFAULT_LIMIT, null));
    }

    @Test
    void everyParameterIsRead() {
        UUID actor = UUID.randomUUID();
        AuditCursor cursor = new AuditCursor(Instant.parse("2026-01-01T10:00:00.123456Z"), UUID.randomUUID());
        AuditQuery query = AuditQuery.parse("login_failed", actor.toString(), "2026-01-01T00:00:00Z",
                "2026-01-02T00:00:00Z", "500", cursor.encode());

        assertThat(query).isEqualTo(new AuditQuery(AuditAction.LOGIN_FAILED, actor, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-02T00:00:00Z"), 500, cursor));
    }

    @Test
    void aCursorSurvivesItsEncoding() {
        AuditCursor cursor = new AuditCursor(Instant.parse("2026-03-04T05:06:07.891011Z"), UUID.randomUUID());
        assertThat(AuditCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void unreadableParametersAreValidationProblems() {
        String[][] bad = {
                { "nope", null, null, null, null, null },
                { null, "42", null, null, null, null },
                { null, null, "yesterday", null, null, null },
                { null, null, null, "2026-13-01", null, null },
                { null, null, null, null, "0", null },
                { null, null, null, null, "501", null },
                { null, null, null, null, "many", null },
                { null, null, null, null, null, "not-a-cursor" },
                { null, null, "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z", null, null },
        };
        for (String[] p : bad) {
            assertThatThrownBy(() -> AuditQuery.parse(p[0], p[1], p[2], p[3], p[4], p[5]))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).type().status()).isEqualTo(400));
        }
    }
}
