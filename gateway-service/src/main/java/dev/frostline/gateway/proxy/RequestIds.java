package dev.frostline.gateway.proxy;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties one request's log lines together across the gateway and the services. A
 * client's own id is kept when it is safe to log and to echo in a header; otherwise a new one is made.
 */
public final class RequestIds {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private RequestIds() {
    }

    public static String acceptOrCreate(String fromClient) {
        if (fromClient != null && SANE.matcher(fromClient).matches()) {
            return fromClient;
        }
        return UUID.randomUUID().toString();
    }
}
