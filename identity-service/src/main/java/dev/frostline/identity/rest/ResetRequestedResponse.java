package dev.frostline.identity.rest;

/** The one answer to every reset request, so it tells nobody whether an account exists. */
public record ResetRequestedResponse(String message) {

    static final ResetRequestedResponse INSTANCE = new ResetRequestedResponse(
            "If an account exists for this email, a message with a reset link is on its way.");
}
