package dev.frostline.realtime.protocol;

/** A client message the server answers with an error frame; the connection stays open. */
public class ProtocolException extends RuntimeException {

    private final String subscriptionId;
    private final ErrorCode code;

    public ProtocolException(String subscriptionId, ErrorCode code, String message) {
        super(message, null, false, false);
        this.subscriptionId = subscriptionId;
        this.code = code;
    }

    /** The id the frame names, or null if the message had none. */
    public String subscriptionId() {
        return subscriptionId;
    }

    public ErrorCode code() {
        return code;
    }
}
