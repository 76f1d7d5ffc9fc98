package dev.frostline.alert.notification;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs a webhook delivery, signed. The JDK's client sends asynchronously (no thread waits for the
 * endpoint) and follows no redirect: a 3xx is a failure, so a delivery never lands somewhere the
 * admin did not configure. Any status outside 2xx, a timeout or a connection failure fails the attempt.
 */
@Singleton
public class WebhookPoster {

    private final HttpClient client;
    private final Duration timeout;

    public WebhookPoster(NotificationConfig config) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.webhook().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = config.webhook().timeout();
    }

    public Uni<Void> post(ClaimedDelivery delivery, long timestampSeconds) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Frostline-Webhooks/1")
                    .header(WebhookSignature.IDEMPOTENCY_HEADER, delivery.id().toString())
                    .header(WebhookSignature.EVENT_HEADER, delivery.kind())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestampSeconds))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(delivery.secret(), timestampSeconds, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new DeliveryFailed("invalid endpoint URL: " + e.getMessage()));
        }
        return Uni.createFrom().completionStage(() -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .chain(response -> response.statusCode() / 100 == 2
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new DeliveryFailed("endpoint answered HTTP " + response.statusCode())));
    }

    /** An attempt the recipient refused; its message is stored as the delivery's last error. */
    public static final class DeliveryFailed extends RuntimeException {
        public DeliveryFailed(String message) {
            super(message, null, false, false);
        }
    }
}
