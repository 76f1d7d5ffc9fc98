package dev.frostline.identity.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokenSecretTest {

    @Test
    void tokensCarry256RandomBitsInBase64Url() {
        String token = RefreshTokenSecret.generate();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(RefreshTokenSecret.generate())).isTrue();
        }
    }

    @Test
    void hashIsLowerCaseHexSha256AndNotTheToken() {
        // SHA-256("abc") from FIPS 180-2.
        assertThat(RefreshTokenSecret.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String token = RefreshTokenSecret.generate();
        assertThat(RefreshTokenSecret.hash(token)).hasSize(64).doesNotContain(token);
    }
}
