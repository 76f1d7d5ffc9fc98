package dev.frostline.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileContentTest {

    @Test
    void emptyContentIsAValidationProblem() {
        assertThatThrownBy(() -> FileContent.checkSize(new byte[0], 10)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type().status()).isEqualTo(400));
    }

    @Test
    void contentOverTheLimitIsPayloadTooLarge() {
        FileContent.checkSize(new byte[10], 10);
        assertThatThrownBy(() -> FileContent.checkSize(new byte[11], 10)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type().status()).isEqualTo(413));
    }

    @Test
    void missingContentTypeMeansOctetStream() {
        assertThat(FileContent.contentType(null)).isEqualTo("application/octet-stream");
        assertThat(FileContent.contentType(" application/pdf ")).isEqualTo("application/pdf");
        assertThatThrownBy(() -> FileContent.contentType("text/plain\u0000")).isInstanceOf(ProblemException.class);
    }

    @Test
    void sha256IsLowerCaseHex() {
        assertThat(FileContent.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
