package dev.frostline.bench;

import io.vertx.core.MultiMap;
import java.util.List;

/**
 * Headers and bodies per client: {@value #PLACEHOLDER} in a template is replaced by client i's value,
 * line (i mod lines) of --vary-file (a token, an email), or by nothing when there is no such file.
 */
final class ClientTemplates {

    static final String PLACEHOLDER = "{v}";

    private final List<String> headers;
    private final List<String> varyValues;

    /** @param headers {@code Name: value} templates */
    ClientTemplates(List<String> headers, List<String> varyValues) {
        for (String header : headers) {
            if (header.indexOf(':') <= 0) {
                throw new IllegalArgumentException("--header must be 'Name: value', got: " + header);
            }
        }
        this.headers = List.copyOf(headers);
        this.varyValues = varyValues.isEmpty() ? List.of("") : List.copyOf(varyValues);
    }

    MultiMap headers(int client) {
        MultiMap filled = MultiMap.caseInsensitiveMultiMap();
        for (String header : headers) {
            int colon = header.indexOf(':');
            filled.add(header.substring(0, colon).trim(), fill(header.substring(colon + 1).trim(), client));
        }
        return filled;
    }

    String fill(String template, int client) {
        return template.replace(PLACEHOLDER, varyValues.get(client % varyValues.size()));
    }
}
