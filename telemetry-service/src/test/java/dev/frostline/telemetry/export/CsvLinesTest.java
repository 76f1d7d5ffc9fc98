package dev.frostline.telemetry.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CsvLinesTest {

    private static final Instant WINTER = Instant.parse("2026-01-15T11:30:00Z");
    private static final Instant SUMMER = Instant.parse("2026-07-15T11:30:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aLineHoldsNamesMetricValueLocalTimeWithOffsetAndUtc() {
        assertThat(CsvLines.line(new ExportRow("Depot", "Freezer 1", "temperature_c", -18.5, WINTER, BERLIN)))
                .isEqualTo("Depot,Freezer 1,temperature_c,-18.5,2026-01-15T12:30:00+01:00,2026-01-15T11:30:00Z\r\n");
        assertThat(CsvLines.line(new ExportRow("Depot", "Freezer 1", "temperature_c", 4, SUMMER, BERLIN)))
                .isEqualTo("Depot,Freezer 1,temperature_c,4,2026-07-15T13:30:00+02:00,2026-07-15T11:30:00Z\r\n");
    }

    @Test
    void namesWithCommasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(CsvLines.text("Depot, north")).isEqualTo("\"Depot, north\"");
        assertThat(CsvLines.text("The \"big\" one")).isEqualTo("\"The \"\"big\"\" one\"");
        assertThat(CsvLines.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvLines.text("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(CsvLines.text("plain")).isEqualTo("plain");
        assertThat(CsvLines.text(null)).isEmpty();
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasGetALeadingQuote() {
        assertThat(CsvLines.text("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvLines.text("+1")).isEqualTo("'+1");
        assertThat(CsvLines.text("-2")).isEqualTo("'-2");
        assertThat(CsvLines.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvLines.text("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvLines.text("a=b")).isEqualTo("a=b");
    }

    @Test
    void valuesAreWrittenAsPlainDecimalsAndNegativeNumbersStayNumbers() {
        assertThat(CsvLines.number(-18.5)).isEqualTo("-18.5");
        assertThat(CsvLines.number(4.0)).isEqualTo("4");
        assertThat(CsvLines.number(0.001)).isEqualTo("0.001");
        assertThat(CsvLines.number(1e-7)).isEqualTo("0.0000001");
        assertThat(CsvLines.number(100)).isEqualTo("100");
        assertThat(CsvLines.number(0)).isEqualTo("0");
    }
}
