package dev.frostline.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.frostline.contracts.ApiKeyFormat;
import dev.frostline.gateway.stubs.UpstreamStubs;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** %test: ingest buckets hold 3 tokens and refill one per 100 s. Each test uses keys of its own. */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EdgeRateLimitTest {

    @Test
    void ingestOverTheKeysLimitIsRateLimitedWithRetryAfter() {
        String key = newKey();
        for (int i = 0; i < 3; i++) {
            ingest(key).then().statusCode(200).body("area", equalTo("telemetry"));
        }
        // The wait counts down while the bucket empties: about 100 s, never more, never zero.
        ingest(key).then().statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .header("Retry-After", retryAfter -> Integer.parseInt(retryAfter), allOf(greaterThan(90), lessThanOrEqualTo(100)))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:frostline:problem:rate-limited"))
                .body("status", equalTo(429))
                .body("detail", startsWith("Too many requests"));
    }

    @Test
    void eachApiKeyHasItsOwnLimit() {
        String exhausted = newKey();
        for (int i = 0; i < 3; i++) {
            ingest(exhausted).then().statusCode(200);
        }
        ingest(exhausted).then().statusCode(429);
        ingest(newKey()).then().statusCode(200);
    }

    private static io.restassured.response.Response ingest(String key) {
        return given().contentType(ContentType.JSON).header(ApiKeyFormat.HEADER, key)
                .body("{\"readings\":[]}").post("/api/telemetry/readings");
    }

    private static String newKey() {
        String random = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return ApiKeyFormat.compose(random.substring(0, ApiKeyFormat.PREFIX_LENGTH),
                random.substring(10, 10 + ApiKeyFormat.SECRET_LENGTH));
    }
}
