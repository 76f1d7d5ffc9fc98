package dev.frostline.alert.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook receiver checks (README "Notifications"): hex HMAC-SHA256, keyed with the
 * endpoint's secret, over {@code <timestamp>.<body>}, where the timestamp is the Unix seconds sent
 * in {@link #TIMESTAMP_HEADER}. Signing the timestamp lets a receiver refuse replays of old
 * deliveries; the version prefix lets the scheme change without breaking receivers.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Frostline-Signature";
    public static final String TIMESTAMP_HEADER = "X-Frostline-Timestamp";
    /** The delivery's ID: the same on every retry of it, so a receiver can drop a repeat. */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** The notice's kind: opened, reminder, escalated, acknowledged or resolved. */
    public static final String EVENT_HEADER = "X-Frostline-Event";
    public static final String VERSION = "v1";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;

    private WebhookSignature() {
    }

    /** The value of {@link #SIGNATURE_HEADER}: {@code v1=<hex>}. */
    public static String sign(String secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** A new endpoint secret: 256 random bits, URL-safe, prefixed so it is recognizable in a vault. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
