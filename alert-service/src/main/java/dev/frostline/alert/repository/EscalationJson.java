package dev.frostline.alert.repository;

import dev.frostline.alert.escalation.EscalationPolicy;
import dev.frostline.alert.escalation.EscalationStep;
import dev.frostline.contracts.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EscalationPolicy} as stored in {@code alert_rules.escalation} and {@code alerts.escalation}:
 * {@code {"firstAudience": "staff", "renotifyEverySeconds": 900, "steps": [{"afterSeconds": 1800, "audience": "manager"}]}}.
 */
public final class EscalationJson {

    private EscalationJson() {
    }

    public static JsonObject of(EscalationPolicy policy) {
        JsonArray steps = new JsonArray();
        for (EscalationStep step : policy.steps()) {
            steps.add(new JsonObject().put("afterSeconds", step.after().toSeconds())
                    .put("audience", step.audience().claimValue()));
        }
        return new JsonObject().put("firstAudience", policy.firstAudience().claimValue())
                .put("renotifyEverySeconds", policy.renotifyEvery() == null ? null : policy.renotifyEvery().toSeconds())
                .put("steps", steps);
    }

    public static EscalationPolicy policy(JsonObject json) {
        List<EscalationStep> steps = new ArrayList<>();
        JsonArray array = json.getJsonArray("steps", new JsonArray());
        for (int i = 0; i < array.size(); i++) {
            JsonObject step = array.getJsonObject(i);
            steps.add(new EscalationStep(Duration.ofSeconds(step.getLong("afterSeconds")),
                    Role.fromClaim(step.getString("audience"))));
        }
        Long every = json.getLong("renotifyEverySeconds");
        return new EscalationPolicy(Role.fromClaim(json.getString("firstAudience")),
                every == null ? null : Duration.ofSeconds(every), steps);
    }
}
