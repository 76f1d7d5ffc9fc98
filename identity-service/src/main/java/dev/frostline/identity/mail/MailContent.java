package dev.frostline.identity.mail;

/** What a mail says; the outbox adds the recipient and the bookkeeping. */
public record MailContent(String subject, String text, String html) {
}
