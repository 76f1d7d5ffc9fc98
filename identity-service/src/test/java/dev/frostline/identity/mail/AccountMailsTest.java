package dev.frostline.identity.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountMailsTest {

    private static final String TOKEN = "abcDEF123_-abcDEF123_-abcDEF123_-abcDEF1234";

    @Test
    void resetMailLinksToTheWebAppPageWithTheTokenAndStatesTheValidity() {
        MailContent mail = AccountMails.passwordReset("https://app.example.com/", TOKEN, Duration.ofMinutes(30));

        assertThat(mail.text()).contains("https://app.example.com/reset-password?token=" + TOKEN)
                .contains("30 minutes");
        assertThat(mail.html()).contains("href=\"https://app.example.com/reset-password?token=" + TOKEN + "\"");
    }

    @Test
    void inviteMailNamesTheOrgAndRoleAndLinksToTheAcceptPage() {
        MailContent mail = AccountMails.invite("http://127.0.0.1:8080", TOKEN, "Cold Foods", "staff", Duration.ofDays(7));

        assertThat(mail.subject()).isEqualTo("You are invited to Cold Foods on Frostline");
        assertThat(mail.text()).contains("http://127.0.0.1:8080/accept-invite?token=" + TOKEN)
                .contains("as staff").contains("7 days");
    }

    @Test
    void organizationNamesCannotInjectHtmlOrExtraHeaderLines() {
        MailContent mail = AccountMails.invite("http://x", TOKEN, "<script>alert(1)</script>\r\nBcc: a@b.c", "viewer",
                Duration.ofDays(1));

        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(mail.subject()).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void durationsAreWrittenForPeople() {
        assertThat(AccountMails.human(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(AccountMails.human(Duration.ofHours(2))).isEqualTo("2 hours");
        assertThat(AccountMails.human(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    }
}
