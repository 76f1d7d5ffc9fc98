package dev.frostline.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // Independently computed: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.sign("whsec_test", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("v1=" + OPENSSL_DIGEST);
    }

    @Test
    void anyChangeToTimestampBodyOrSecretChangesTheSignature() {
        String signature = WebhookSignature.sign("whsec_test", 1_700_000_000L, "{\"a\":1}");
        assertThat(WebhookSignature.sign("whsec_test", 1_700_000_001L, "{\"a\":1}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("whsec_test", 1_700_000_000L, "{\"a\":2}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("whsec_other", 1_700_000_000L, "{\"a\":1}")).isNotEqualTo(signature);
    }

    @Test
    void newSecretsAreLongRandomAndRecognizable() {
        String one = WebhookSignature.newSecret();
        assertThat(one).startsWith("whsec_").hasSize("whsec_".length() + 43);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(one);
    }

    private static final String OPENSSL_DIGEST = "38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789";
}
