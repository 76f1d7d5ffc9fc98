package dev.frostline.realtime.fanout;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * One live client connection as the fan-out sees it: which org it may see, and how to write to it.
 * Writes must not block: they queue the frame on the connection and complete once it is written.
 */
public interface Client {

    /** Stable for the life of the connection; used in logs. */
    String id();

    /** The only org whose events this client receives. */
    UUID orgId();

    boolean isOpen();

    Uni<Void> send(String frame);
}
