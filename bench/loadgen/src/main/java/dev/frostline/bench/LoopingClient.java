package dev.frostline.bench;

import io.vertx.core.Context;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One closed-loop client: it starts its next step only when the previous one has read all its
 * responses, so the offered load follows the server (no coordinated-omission queue builds up in the
 * generator, and the latencies are those a real waiting caller sees). With a think time it pauses
 * between steps like a person at a dashboard, a random 50-150 % of it so that clients do not march in
 * step; the offered load is then about clients / (think time + latency).
 */
final class LoopingClient {

    private final Context context;
    private final Step step;
    private final long thinkMillis;

    LoopingClient(Context context, Step step, long thinkMillis) {
        this.context = context;
        this.step = step;
        this.thinkMillis = thinkMillis;
    }

    /** Loops on this client's own event loop until the phase stops. */
    void runIn(Phase phase) {
        context.runOnContext(ignored -> next(phase));
    }

    private void next(Phase phase) {
        if (phase.stopped()) {
            phase.drainedOne();
            return;
        }
        step.run(phase).onComplete(done -> {
            if (thinkMillis > 0) {
                long pause = Math.max(1, Math.round(thinkMillis * (0.5 + ThreadLocalRandom.current().nextDouble())));
                context.owner().setTimer(pause, timer -> next(phase));
            } else if (done.failed()) {
                // A failure can complete synchronously; going through the task queue keeps a refused
                // connection from turning this loop into deep recursion.
                context.runOnContext(ignored -> next(phase));
            } else {
                next(phase);
            }
        });
    }
}
