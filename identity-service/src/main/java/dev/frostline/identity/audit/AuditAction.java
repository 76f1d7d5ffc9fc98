package dev.frostline.identity.audit;

import java.util.Locale;

/** What happened. Stored and returned lower-cased ({@code api_key_created}); those values are a stable API. */
public enum AuditAction {
    SIGNED_UP,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_LOCKED_OUT,
    REFRESH_TOKEN_REUSED,
    LOGGED_OUT,
    PASSWORD_CHANGED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    ORG_CREATED,
    MEMBER_INVITED,
    INVITE_ACCEPTED,
    ROLE_CHANGED,
    MEMBER_REMOVED,
    API_KEY_CREATED,
    API_KEY_REVOKED,
    SIGNING_KEY_ROTATED,
    EXTERNAL_USER_PROVISIONED,
    ACCOUNT_DELETED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditAction fromValue(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
