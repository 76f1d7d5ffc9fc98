package dev.frostline.identity.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The mails identity sends. Links point at the web app's pages, which call the API with the token;
 * the raw token is in the text too, for clients without the web app.
 */
public final class AccountMails {

    private AccountMails() {
    }

    public static MailContent passwordReset(String publicUrl, String token, Duration validFor) {
        String link = link(publicUrl, "/reset-password", token);
        String text = """
                Someone asked to reset the password of your Frostline account.

                To choose a new password, open this link within %s:
                %s

                Or use this reset token: %s

                If it was not you, ignore this mail: your password stays as it is.
                """.formatted(human(validFor), link, token);
        String html = """
                <p>Someone asked to reset the password of your Frostline account.</p>
                <p><a href="%s">Choose a new password</a> (valid for %s).</p>
                <p>If it was not you, ignore this mail: your password stays as it is.</p>
                """.formatted(link, human(validFor));
        return new MailContent("Reset your Frostline password", text, html);
    }

    public static MailContent invite(String publicUrl, String token, String orgName, String role, Duration validFor) {
        String link = link(publicUrl, "/accept-invite", token);
        String text = """
                You are invited to join %s on Frostline as %s.

                To accept, open this link within %s:
                %s

                Or use this invite token: %s
                """.formatted(orgName, role, human(validFor), link, token);
        String html = """
                <p>You are invited to join <b>%s</b> on Frostline as %s.</p>
                <p><a href="%s">Accept the invitation</a> (valid for %s).</p>
                """.formatted(escape(orgName), role, link, human(validFor));
        // A name with line breaks must not reach the Subject header as more than one line.
        return new MailContent("You are invited to " + orgName.replaceAll("[\\r\\n]+", " ") + " on Frostline", text, html);
    }

    static String link(String publicUrl, String page, String token) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + page + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    static String human(Duration duration) {
        if (duration.toDays() >= 1 && duration.toHours() % 24 == 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        if (duration.toHours() >= 1 && duration.toMinutes() % 60 == 0) {
            return duration.toHours() + (duration.toHours() == 1 ? " hour" : " hours");
        }
        return duration.toMinutes() + " minutes";
    }

    /** Organization names are user input: never raw into HTML. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
