package dev.frostline.telemetry.export;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes the temperature log as RFC 4180 CSV lines (CRLF-terminated), one reading per line.
 *
 * <p>Names come from users, so every text cell is quoted when it holds a comma, quote or line break,
 * and a cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
 * leading single quote (OWASP "CSV injection"). The value column is a number this class formats
 * itself, so a negative temperature stays a plain -18.5.
 */
public final class CsvLines {

    public static final String HEADER = "site,unit,metric,value,local_time,utc_time\r\n";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;

    private CsvLines() {
    }

    public static String line(ExportRow row) {
        return new StringBuilder(96)
                .append(text(row.siteName())).append(',')
                .append(text(row.unitName())).append(',')
                .append(text(row.metric())).append(',')
                .append(number(row.value())).append(',')
                .append(LOCAL.format(row.recordedAt().atZone(row.zone()).toOffsetDateTime())).append(',')
                .append(UTC.format(row.recordedAt().atOffset(ZoneOffset.UTC)))
                .append("\r\n")
                .toString();
    }

    /** A text cell: defused if a spreadsheet would take it for a formula, then quoted if needed. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = startsLikeFormula(value) ? "'" + value : value;
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    /** The shortest plain decimal: 4.5, -18, 0.001 (never 1.0E-3). */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
