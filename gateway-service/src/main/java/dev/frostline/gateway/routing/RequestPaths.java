package dev.frostline.gateway.routing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The gateway decides on the path as received and forwards it unchanged, so a path the upstream
 * would resolve differently (dot segments, plain or percent-encoded) could reach an area other than
 * the one the gateway checked. Such paths are refused instead.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    public static boolean isForwardable(String path) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            String decoded;
            try {
                decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformedEscape) {
                return false;
            }
            if (decoded.equals(".") || decoded.equals("..") || decoded.contains("/") || decoded.contains("\\")) {
                return false;
            }
        }
        return true;
    }
}
