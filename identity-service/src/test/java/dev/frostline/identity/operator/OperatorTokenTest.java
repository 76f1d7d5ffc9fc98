package dev.frostline.identity.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.support.problem.ProblemException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorTokenTest {

    private final OperatorToken token = new OperatorToken(Optional.of("s3cret"));

    @Test
    void theRightBearerTokenIsAccepted() {
        assertThatCode(() -> token.authorize("Bearer s3cret")).doesNotThrowAnyException();
        assertThatCode(() -> token.authorize("bearer s3cret")).doesNotThrowAnyException();
    }

    @Test
    void aWrongMissingOrOtherSchemeTokenIs401() {
        for (String header : new String[] { "Bearer s3cret2", "Bearer s3cre", "Bearer ", "s3cret", "Basic s3cret", null }) {
            assertThatThrownBy(() -> token.authorize(header)).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).type().status()).isEqualTo(401));
        }
    }

    @Test
    void withoutAConfiguredSecretTheEndpointsDoNotExist() {
        for (Optional<String> secret : java.util.List.of(Optional.<String>empty(), Optional.of("  "))) {
            OperatorToken disabled = new OperatorToken(secret);
            assertThat(disabled.enabled()).isFalse();
            assertThatThrownBy(() -> disabled.authorize("Bearer ")).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).type().status()).isEqualTo(404));
        }
    }
}
