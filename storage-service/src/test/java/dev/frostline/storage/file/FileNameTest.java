package dev.frostline.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.support.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameTest {

    @Test
    void ordinaryNamesAreKeptAsGiven() {
        assertThat(FileName.check("HACCP report 2024-03.pdf")).isEqualTo("HACCP report 2024-03.pdf");
        assertThat(FileName.check("Kühlraum \"A\" – Zertifikat.pdf")).isEqualTo("Kühlraum \"A\" – Zertifikat.pdf");
        assertThat(FileName.check("x".repeat(FileName.MAX_LENGTH))).hasSize(FileName.MAX_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "a/b.pdf", "..\\evil.pdf", "line\nbreak.pdf", "nul\u0000.pdf", "tab\t.pdf",
            "del\u007f.pdf", ".", ".." })
    void unsafeOrEmptyNamesAreRefused(String name) {
        assertThatThrownBy(() -> FileName.check(name)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type().status()).isEqualTo(400));
    }

    @Test
    void missingAndOverlongNamesAreRefused() {
        assertThatThrownBy(() -> FileName.check(null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> FileName.check("x".repeat(FileName.MAX_LENGTH + 1))).isInstanceOf(ProblemException.class);
    }
}
