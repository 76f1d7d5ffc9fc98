package dev.frostline.identity.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostline.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void sixtyFourBytesAreTheMostAcceptedWellUnderBcryptsSeventyTwo() {
        assertThatCode(() -> PasswordPolicy.check("x".repeat(64))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("x".repeat(65)))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("password must be at most 64 bytes in UTF-8");
    }

    @Test
    void theMaximumCountsUtf8BytesNotCharacters() {
        // "é" is two bytes: 32 of them are 64 bytes, one ASCII character more is over.
        assertThatCode(() -> PasswordPolicy.check("é".repeat(32))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("é".repeat(32) + "x")).isInstanceOf(ProblemException.class);
    }

    @Test
    void fewerThanTenCharactersAreRefused() {
        assertThatThrownBy(() -> PasswordPolicy.check("x".repeat(9))).isInstanceOf(ProblemException.class);
        assertThatCode(() -> PasswordPolicy.check("x".repeat(10))).doesNotThrowAnyException();
    }
}
