package dev.frostline.realtime.protocol;

/**
 * The stable {@code code} of every {@code error} frame (docs/realtime.md lists them). Clients branch on
 * the code; the message is for people.
 */
public enum ErrorCode {
    /** Not JSON, not an object, or no string {@code type}. */
    MALFORMED_MESSAGE("malformed-message"),
    /** A {@code type} other than subscribe, unsubscribe and ping. */
    UNKNOWN_MESSAGE_TYPE("unknown-message-type"),
    /** A subscribe or unsubscribe without a usable {@code id} (a string of 1 to 64 characters). */
    INVALID_SUBSCRIPTION_ID("invalid-subscription-id"),
    /** Not one of org, alerts, catalog, site:&lt;uuid&gt;, unit:&lt;uuid&gt;. */
    INVALID_CHANNEL("invalid-channel"),
    /** A site or unit of another org, deleted, or unknown: the three look the same, as tenancy requires. */
    CHANNEL_FORBIDDEN("channel-forbidden"),
    /** The {@code id} is already used by another subscription of this connection. */
    DUPLICATE_SUBSCRIPTION_ID("duplicate-subscription-id"),
    /** This connection is already subscribed to the channel (under another id). */
    ALREADY_SUBSCRIBED("already-subscribed"),
    /** An unsubscribe for an id that is not subscribed. */
    UNKNOWN_SUBSCRIPTION("unknown-subscription"),
    /** The connection holds as many subscriptions as it may. */
    TOO_MANY_SUBSCRIPTIONS("too-many-subscriptions"),
    /** The {@code lastEventId} is not an event ID of this channel. */
    INVALID_LAST_EVENT_ID("invalid-last-event-id"),
    /** The {@code lastEventId} is older than what can be replayed: reload through REST, then subscribe afresh. */
    RESUME_TOO_OLD("resume-too-old"),
    /** The server could not check or resume the subscription just now (database or Kafka): try again. */
    UNAVAILABLE("unavailable");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
