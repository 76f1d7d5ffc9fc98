package dev.frostline.realtime.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.events.PlatformEvent;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/**
 * Delivers each event to the open clients of its org, and to nobody else. The frame is serialized once
 * per event (an event belongs to exactly one org) and the same string is written to every client.
 * Never blocks: each write is queued on its connection's event loop, so a slow client delays only itself,
 * and frames reach a client in the order the consumer saw the events.
 */
@ApplicationScoped
public class Fanout {

    private final ConnectionRegistry registry;
    private final ObjectMapper mapper;

    public Fanout(ConnectionRegistry registry, ObjectMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    /** Returns how many clients the event was written to. */
    public int publish(PlatformEvent event) {
        Collection<Client> clients = registry.clientsOf(event.orgId());
        if (clients.isEmpty()) {
            return 0;
        }
        String frame;
        try {
            frame = mapper.writeValueAsString(EventFrame.forOrg(event));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Log.errorf("cannot serialize event %s for its clients: %s", event.eventId(), e.toString());
            return 0;
        }
        int sent = 0;
        for (Client client : clients) {
            if (!client.isOpen()) {
                // Closed between its last frame and its close callback.
                registry.remove(client);
                continue;
            }
            send(client, frame);
            sent++;
        }
        return sent;
    }

    private void send(Client client, String frame) {
        client.send(frame).subscribe().with(
                ignored -> {
                },
                failure -> {
                    if (client.isOpen()) {
                        Log.warnf("could not write to client %s: %s", client.id(), failure.toString());
                    } else {
                        Log.debugf("client %s went away during a write: %s", client.id(), failure.toString());
                    }
                });
    }
}
