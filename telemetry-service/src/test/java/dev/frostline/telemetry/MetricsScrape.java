package dev.frostline.telemetry;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What /q/metrics shows, read the way Prometheus would: one scrape at a time, one series by name and labels. */
public final class MetricsScrape {

    private MetricsScrape() {
    }

    public static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The value of a series given as {@code name{labels}} ({@code name{}} for one without labels), 0
     * if absent; the text format may end the labels with a comma.
     */
    public static double value(String metrics, String series) {
        int brace = series.indexOf('{');
        String name = series.substring(0, brace);
        String labels = series.substring(brace + 1, series.length() - 1);
        // A series without labels is written without braces.
        String labelPattern = labels.isEmpty() ? "(?:\\{\\})?" : "\\{" + Pattern.quote(labels) + ",?\\}";
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + labelPattern + " ([0-9.eE+-]+|NaN)$")
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
