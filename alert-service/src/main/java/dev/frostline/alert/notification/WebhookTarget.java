package dev.frostline.alert.notification;

import dev.frostline.support.problem.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks an endpoint URL an admin gives: absolute http(s), with a host, of a bounded length. */
public final class WebhookTarget {

    static final int MAX_URL_LENGTH = 2000;

    private WebhookTarget() {
    }

    public static String validUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.validation("url is required: the http(s) address that receives the POSTs");
        }
        String trimmed = url.trim();
        if (trimmed.length() > MAX_URL_LENGTH) {
            throw ProblemException.validation("url must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ProblemException.validation("url must be an absolute http:// or https:// address with a host");
            }
            if (uri.getUserInfo() != null) {
                throw ProblemException.validation("url must not carry credentials; the signature authenticates deliveries");
            }
        } catch (URISyntaxException e) {
            throw ProblemException.validation("url is not a valid address: " + e.getReason());
        }
        return trimmed;
    }
}
