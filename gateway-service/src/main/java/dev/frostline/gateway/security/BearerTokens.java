package dev.frostline.gateway.security;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a request carries its access token. Browsers cannot set headers on a WebSocket, so for the
 * upgrade the token may also ride in {@code Sec-WebSocket-Protocol} the way Quarkus WebSockets Next
 * reads it: the client offers {@code bearer-token-carrier} plus the URL-encoded entry
 * {@code quarkus-http-upgrade#Authorization#Bearer <token>}.
 */
public final class BearerTokens {

    public static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";
    static final String HEADER_CARRYING_PROTOCOL = "quarkus-http-upgrade";
    private static final String SCHEME = "bearer ";

    private BearerTokens() {
    }

    /** The token of an {@code Authorization: Bearer <token>} header; the scheme is case-insensitive. */
    public static Optional<String> fromAuthorization(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        String token = authorization.substring(SCHEME.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The Authorization header if present, else the one carried in the offered subprotocols. */
    public static Optional<String> forWebSocket(String authorization, String secWebSocketProtocol) {
        if (authorization != null) {
            return fromAuthorization(authorization);
        }
        for (String protocol : subprotocols(secWebSocketProtocol)) {
            if (!protocol.startsWith(HEADER_CARRYING_PROTOCOL)) {
                continue;
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(protocol, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
            String[] parts = decoded.split("#");
            if (parts.length == 3 && parts[1].equalsIgnoreCase("Authorization")) {
                return fromAuthorization(parts[2]);
            }
        }
        return Optional.empty();
    }

    /**
     * The offered subprotocols with the token-carrying entry now carrying {@code token} (URL-encoded
     * as the Quarkus client does), so realtime sees the token the gateway vouches for.
     */
    public static String withCarriedToken(String secWebSocketProtocol, String token) {
        List<String> rewritten = new ArrayList<>();
        for (String protocol : subprotocols(secWebSocketProtocol)) {
            rewritten.add(protocol.startsWith(HEADER_CARRYING_PROTOCOL)
                    ? HEADER_CARRYING_PROTOCOL + URLEncoder.encode("#Authorization#Bearer " + token, StandardCharsets.UTF_8)
                            .replace("+", "%20")
                    : protocol);
        }
        return String.join(", ", rewritten);
    }

    /** The offered subprotocols, in order and exactly as sent (still URL-encoded). */
    public static List<String> subprotocols(String secWebSocketProtocol) {
        List<String> protocols = new ArrayList<>();
        if (secWebSocketProtocol == null) {
            return protocols;
        }
        for (String protocol : secWebSocketProtocol.split(",")) {
            String trimmed = protocol.trim();
            if (!trimmed.isEmpty()) {
                protocols.add(trimmed);
            }
        }
        return protocols;
    }
}
