package dev.frostline.identity.testing;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) inside the test JVM, on a port fixed for the whole run so it can be
 * stopped and started again (to prove the relay retries) without reconfiguring the mailer.
 */
public final class SmtpSink {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

    private final int port;
    private GreenMail server;

    SmtpSink() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Mails received since the server last started, addressed to {@code recipient}. */
    public synchronized List<MimeMessage> mailsTo(String recipient) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(m -> isFor(m, recipient)).toList();
    }

    /** Waits for the {@code count}-th mail to {@code recipient} and returns it. */
    public MimeMessage awaitMailTo(String recipient, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(recipient).size() >= count);
        return mailsTo(recipient).get(count - 1);
    }

    public MimeMessage awaitMailTo(String recipient) {
        return awaitMailTo(recipient, 1);
    }

    /** The decoded text/plain part of a mail. */
    public static String text(MimeMessage mail) {
        try {
            String text = textOf(mail);
            if (text == null) {
                throw new AssertionError("mail has no text/plain part");
            }
            return text;
        } catch (MessagingException | IOException e) {
            throw new AssertionError("unreadable mail", e);
        }
    }

    /** The token of the link in a mail's text. */
    public static String tokenIn(MimeMessage mail) {
        Matcher matcher = TOKEN.matcher(text(mail));
        if (!matcher.find()) {
            throw new AssertionError("no token link in mail: " + text(mail));
        }
        return matcher.group(1);
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = textOf(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static boolean isFor(MimeMessage mail, String recipient) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }
}
