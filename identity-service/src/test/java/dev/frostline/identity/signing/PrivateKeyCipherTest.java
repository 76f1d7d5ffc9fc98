package dev.frostline.identity.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrivateKeyCipherTest {

    private static final String PEM = RsaKeyPairs.privatePem(RsaKeyPairs.generate().getPrivate());

    @Test
    void withASecretKeysAreStoredEncryptedAndReadBack() {
        PrivateKeyCipher cipher = new PrivateKeyCipher(Optional.of("a long random operator secret"));
        String stored = cipher.seal(PEM);

        assertThat(stored).startsWith("enc:v1:").doesNotContain("PRIVATE KEY");
        assertThat(cipher.seal(PEM)).isNotEqualTo(stored);
        assertThat(cipher.open(stored)).isEqualTo(PEM);
    }

    @Test
    void withoutASecretKeysStayPlainAndPlainKeysAreReadEitherWay() {
        PrivateKeyCipher plain = new PrivateKeyCipher(Optional.empty());
        assertThat(plain.seal(PEM)).isEqualTo(PEM);
        assertThat(plain.open(PEM)).isEqualTo(PEM);
        assertThat(new PrivateKeyCipher(Optional.of("secret")).open(PEM)).isEqualTo(PEM);
    }

    @Test
    void anEncryptedKeyNeedsTheSecretItWasSealedWith() {
        String stored = new PrivateKeyCipher(Optional.of("right secret")).seal(PEM);

        assertThatThrownBy(() -> new PrivateKeyCipher(Optional.of("wrong secret")).open(stored))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PrivateKeyCipher(Optional.empty()).open(stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FROSTLINE_SIGNING_KEY_SECRET");
    }
}
