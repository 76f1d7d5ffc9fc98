package dev.frostline.realtime.fanout;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The open clients of this replica, indexed by org so an event reaches its org's clients without
 * scanning the others. Safe for concurrent use: clients come and go on many event loops while the
 * consumers iterate.
 */
@ApplicationScoped
public class ConnectionRegistry {

    private final ConcurrentMap<UUID, Set<Client>> byOrg = new ConcurrentHashMap<>();

    public void add(Client client) {
        // compute() holds the org's bin: an add cannot land in a set that a concurrent remove is dropping.
        byOrg.compute(client.orgId(), (org, clients) -> {
            Set<Client> set = clients != null ? clients : ConcurrentHashMap.newKeySet();
            set.add(client);
            return set;
        });
    }

    public void remove(Client client) {
        byOrg.computeIfPresent(client.orgId(), (org, clients) -> {
            clients.remove(client);
            return clients.isEmpty() ? null : clients;
        });
    }

    /** A live, weakly consistent view: iterating it never fails, even while clients join or leave. */
    public Collection<Client> clientsOf(UUID orgId) {
        Set<Client> clients = byOrg.get(orgId);
        return clients != null ? clients : Set.of();
    }

    public int size() {
        return byOrg.values().stream().mapToInt(Set::size).sum();
    }
}
