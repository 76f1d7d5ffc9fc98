package dev.frostline.storage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachmentDispositionTest {

    @Test
    void asciiNameAppearsInBothParameters() {
        assertThat(AttachmentDisposition.of("report.pdf"))
                .isEqualTo("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
    }

    @Test
    void nonAsciiNameIsExactInFilenameStarAndReplacedInTheFallback() {
        assertThat(AttachmentDisposition.of("Kühlraum €.pdf"))
                .isEqualTo("attachment; filename=\"K_hlraum _.pdf\"; filename*=UTF-8''K%C3%BChlraum%20%E2%82%AC.pdf");
    }

    @Test
    void quotesBackslashesAndPercentCannotBreakOutOfTheQuotedFallback() {
        String header = AttachmentDisposition.of("a\"; filename=evil.exe \\ 100%.pdf");
        assertThat(header).startsWith("attachment; filename=\"a_; filename=evil.exe _ 100_.pdf\"; filename*=UTF-8''");
        assertThat(header).endsWith("a%22%3B%20filename%3Devil.exe%20%5C%20100%25.pdf");
    }

    @Test
    void characterOutsideTheBasicPlaneBecomesOneReplacement() {
        assertThat(AttachmentDisposition.asciiFallback("🧊.txt")).isEqualTo("_.txt");
        assertThat(AttachmentDisposition.percentEncoded("🧊")).isEqualTo("%F0%9F%A7%8A");
    }
}
