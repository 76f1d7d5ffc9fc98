package dev.frostline.telemetry.apikey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The device keys used since the last report, each with its latest use. Recording is one map
 * update, so ingest pays nothing measurable for it; the reporter drains the ledger once per
 * interval, which is what bounds the reports to one per key per interval.
 */
public final class KeyUsageLedger {

    /** A key's latest use since the last drain. */
    public record Use(UUID keyId, UUID orgId, Instant at) {
    }

    private final Map<UUID, Use> pending = new ConcurrentHashMap<>();

    public void record(UUID keyId, UUID orgId, Instant at) {
        pending.merge(keyId, new Use(keyId, orgId, at), KeyUsageLedger::later);
    }

    /** Takes every pending use out of the ledger; a use recorded meanwhile goes into the next drain. */
    public List<Use> drain() {
        List<Use> drained = new ArrayList<>();
        for (UUID keyId : List.copyOf(pending.keySet())) {
            Use use = pending.remove(keyId);
            if (use != null) {
                drained.add(use);
            }
        }
        return drained;
    }

    /** Puts back a use whose report failed, unless the key was used again since. */
    public void restore(Use use) {
        pending.merge(use.keyId(), use, KeyUsageLedger::later);
    }

    private static Use later(Use a, Use b) {
        return b.at().isAfter(a.at()) ? b : a;
    }
}
