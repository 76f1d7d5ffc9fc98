package dev.frostline.identity.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Links in account mails and the lifetimes of the single-use tokens they carry. */
@ConfigMapping(prefix = "frostline.identity.accounts")
public interface AccountLinksConfig {

    /** Where users reach the web app; mail links point at its pages (no trailing slash needed). */
    String publicUrl();

    /** How long a password reset token is valid. Short: whoever reads the mail can take the account. */
    Duration passwordResetTtl();

    /** How long an invitation can be accepted. */
    Duration inviteTtl();
}
