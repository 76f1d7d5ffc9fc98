package dev.frostline.telemetry.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostline.contracts.Topics;
import dev.frostline.contracts.events.ApiKeyUsed;
import dev.frostline.support.messaging.KafkaSender;
import dev.frostline.telemetry.apikey.KeyUsageLedger;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tells identity when each device key was last used, without slowing ingest: a successful ingest
 * only notes the use in memory, and once per {@code frostline.telemetry.api-key-usage.report-interval}
 * every key used since is reported as one {@link ApiKeyUsed} on {@link Topics#API_KEY_USAGE}.
 *
 * <p>Best effort: a failed report is retried with the next one, and uses noted in the last interval
 * before a crash are lost, which at worst makes "last used" one interval older than it is.
 */
@ApplicationScoped
public class ApiKeyUsageReporter {

    private final KeyUsageLedger ledger = new KeyUsageLedger();
    private final KafkaSender sender;
    private final ObjectMapper mapper;

    public ApiKeyUsageReporter(KafkaSender sender, ObjectMapper mapper) {
        this.sender = sender;
        this.mapper = mapper;
    }

    /** Called after readings sent with the key were accepted. */
    public void recordUse(UUID keyId, UUID orgId, Instant at) {
        ledger.record(keyId, orgId, at);
    }

    @Scheduled(every = "${frostline.telemetry.api-key-usage.report-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> report() {
        List<KeyUsageLedger.Use> uses = ledger.drain();
        if (uses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<KafkaSender.JsonRecord> records = uses.stream()
                .map(use -> new KafkaSender.JsonRecord(Topics.API_KEY_USAGE, use.keyId().toString(),
                        json(new ApiKeyUsed(use.keyId(), use.orgId(), use.at()))))
                .toList();
        return Uni.createFrom().deferred(() -> sender.sendInOrder(records))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("could not report the use of %d API keys, retrying with the next report: %s",
                            uses.size(), e.toString());
                    uses.forEach(ledger::restore);
                    return Uni.createFrom().voidItem();
                });
    }

    private String json(ApiKeyUsed used) {
        try {
            return mapper.writeValueAsString(used);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ApiKeyUsed not serializable", e);
        }
    }
}
