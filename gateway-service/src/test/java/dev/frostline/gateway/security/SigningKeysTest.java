package dev.frostline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    @Test
    void rsaSigningKeysAreIndexedByKid() throws IOException {
        String jwks;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("frostline-test-jwks.json")) {
            jwks = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(SigningKeys.parse(jwks)).containsOnlyKeys("frostline-test-key");
    }

    @Test
    void encryptionAndSymmetricKeysAreIgnored() {
        String jwks = """
                {"keys":[{"kty":"oct","kid":"hmac","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"}]}""";
        assertThat(SigningKeys.parse(jwks)).isEmpty();
    }

    @Test
    void somethingThatIsNotAJwksIsRejected() {
        assertThatThrownBy(() -> SigningKeys.parse("<html>")).isInstanceOf(IllegalStateException.class);
    }
}
