package dev.frostline.realtime.channel;

/** A channel name that is not one of the documented forms; the message tells the client which ones are. */
public class InvalidChannelException extends IllegalArgumentException {
    public InvalidChannelException(String message) {
        super(message);
    }
}
